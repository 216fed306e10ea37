package vn.lienthong.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.unit.UnitDirectory;
import vn.lienthong.application.unit.UnitView;

@Path("/units")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {
  @Inject UnitDirectory directory;
  @Inject CurrentCaller caller;

  @GET
  @Operation(summary = "Danh bạ đơn vị: mã định danh, tên, chữ viết tắt, đơn vị cấp trên")
  public List<UnitView> all() {
    caller.get();
    return directory.all();
  }
}
