/**
 * MicroProfile Health readiness of the database and the broker. These live in a jar of the EAR's
 * lib/ folder because WildFly registers the health checks of an EAR only from there: checks in its
 * EJB jar or WAR are not seen (WFLY-12835).
 */
package vn.lienthong.infrastructure.health;
