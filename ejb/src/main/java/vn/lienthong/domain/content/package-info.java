/** The content store: document bytes by SHA-256, streamed, stored once. */
package vn.lienthong.domain.content;
