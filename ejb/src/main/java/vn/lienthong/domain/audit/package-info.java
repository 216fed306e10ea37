/** The legal audit trail: a table, not the log. */
package vn.lienthong.domain.audit;
