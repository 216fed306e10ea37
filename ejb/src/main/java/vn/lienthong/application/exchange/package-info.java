/** Routing envelopes into deliveries, landing deliveries in inboxes, re-publishing what stalled. */
package vn.lienthong.application.exchange;
