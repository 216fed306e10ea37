/**
 * The working calendar (lịch làm việc) of state officials: which days are working days under the
 * Labour Code 2019 (điều 111, 112) and the government's yearly decisions, and how many working days
 * and hours lie between two moments, for Decree 30/2020/NĐ-CP due dates and overdue flags. The
 * holidays are data, a text file on the classpath, not code.
 */
package vn.lienthong.domain.calendar;
