/** Start-up: schema migration and the demo district. */
package vn.lienthong.infrastructure.startup;
