/** Who is calling: the authenticated user, their unit and role. */
package vn.lienthong.application.security;
