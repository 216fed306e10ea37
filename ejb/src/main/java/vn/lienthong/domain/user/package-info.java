/** User accounts and their roles; each user belongs to one unit. */
package vn.lienthong.domain.user;
