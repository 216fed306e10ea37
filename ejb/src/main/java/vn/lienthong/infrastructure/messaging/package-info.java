/** JMS on WildFly's embedded Artemis: the publisher, the listeners, the stalled-message sweep. */
package vn.lienthong.infrastructure.messaging;
