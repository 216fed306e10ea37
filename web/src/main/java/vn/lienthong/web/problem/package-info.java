/** RFC 9457 problem documents for every error the server answers. */
package vn.lienthong.web.problem;
