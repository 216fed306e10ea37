/** The unit tree (đơn vị): organ codes, names, notations. */
package vn.lienthong.domain.unit;
