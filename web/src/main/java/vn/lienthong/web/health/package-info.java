/**
 * MicroProfile Health readiness of the database and the broker. In the WAR: WildFly registers
 * health checks from web deployments.
 */
package vn.lienthong.web.health;
