/** DSS adapters shared by the feature packages. Not API: nothing outside this module uses it. */
package vn.lienthong.signing.internal;
