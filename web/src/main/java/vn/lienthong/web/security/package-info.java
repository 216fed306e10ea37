/**
 * Guards in front of the login check: what must run before the container looks at a password (the
 * login throttle), as Undertow handlers registered by a servlet extension.
 */
package vn.lienthong.web.security;
