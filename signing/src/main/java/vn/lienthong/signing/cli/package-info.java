/** The {@code lienthong-sign} command-line tool (built as target/lienthong-sign.jar). */
package vn.lienthong.signing.cli;
