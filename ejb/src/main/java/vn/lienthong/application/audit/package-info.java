/** Writing the audit trail. */
package vn.lienthong.application.audit;
