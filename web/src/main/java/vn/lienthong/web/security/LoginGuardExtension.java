package vn.lienthong.web.security;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts the {@link LoginGuard} in the deployment's outer handler chain: inside the servlet's context
 * (so it finds the application's beans) and ahead of the security handlers that check the password.
 * Registered in META-INF/services.
 */
public final class LoginGuardExtension implements ServletExtension {
  @Override
  public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
    // added last runs first: a plain-HTTP request is redirected before any password is read
    deploymentInfo.addOuterHandlerChainWrapper(LoginGuard::new);
    deploymentInfo.addOuterHandlerChainWrapper(BrowserCalls::new);
    deploymentInfo.addOuterHandlerChainWrapper(HttpsOnly::new);
  }
}
