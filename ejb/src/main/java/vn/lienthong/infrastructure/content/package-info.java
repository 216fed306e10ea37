/** The content store on PostgreSQL large objects. */
package vn.lienthong.infrastructure.content;
