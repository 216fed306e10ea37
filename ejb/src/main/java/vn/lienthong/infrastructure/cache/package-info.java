/** Infinispan caches of the server (cache container "lienthong"). */
package vn.lienthong.infrastructure.cache;
