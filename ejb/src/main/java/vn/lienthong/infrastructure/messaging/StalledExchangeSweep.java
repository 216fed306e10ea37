package vn.lienthong.infrastructure.messaging;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import vn.lienthong.application.exchange.ExchangeService;

/**
 * Every 15 seconds, publishes again the envelopes and deliveries that stalled (see {@link
 * ExchangeService#republishStale()}). Not persistent: a missed run is simply the next one.
 */
@Singleton
public class StalledExchangeSweep {
  @Inject ExchangeService exchange;

  @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
  void sweep() {
    exchange.republishStale();
  }
}
