package vn.lienthong.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every answer. Without a resolver RESTEasy builds a new one per response,
 * which costs more than the rest of a cached public verification together (seen in a profile).
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
