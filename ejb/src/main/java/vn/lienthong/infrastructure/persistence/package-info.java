/** JPA repositories on PostgreSQL; the schema is Flyway's (db/migration), never Hibernate's. */
package vn.lienthong.infrastructure.persistence;
