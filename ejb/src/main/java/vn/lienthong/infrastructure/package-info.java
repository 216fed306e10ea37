/** Adapters: JPA on PostgreSQL, JMS on Artemis, Infinispan caches, health checks, start-up. */
package vn.lienthong.infrastructure;
