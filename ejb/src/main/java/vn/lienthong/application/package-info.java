/**
 * Use cases: transaction boundaries, authorization by role and unit, audit. REST resources and
 * message listeners call these services only.
 */
package vn.lienthong.application;
