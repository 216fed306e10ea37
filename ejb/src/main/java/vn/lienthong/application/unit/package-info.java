/** The unit directory. */
package vn.lienthong.application.unit;
