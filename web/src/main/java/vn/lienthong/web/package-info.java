/** The web layer: the REST API (the system's contract) and the problem documents of errors. */
package vn.lienthong.web;
