/** JAX-RS resources of the public contract; they call application services only. */
package vn.lienthong.web.api;
