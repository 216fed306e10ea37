/** Drafting, issuing and sending outgoing documents. */
package vn.lienthong.application.document;
