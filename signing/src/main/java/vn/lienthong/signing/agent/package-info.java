/**
 * The local signing agent ({@code lienthong-agent.jar}, main class {@link
 * vn.lienthong.signing.agent.SigningAgent}): an HTTP service on 127.0.0.1 that signs, with the
 * official's USB token, the data the server prepared for each document. The protocol is described
 * in the signing module's README ("Local signing agent"); it carries no DSS types, only base64
 * bytes, certificate fields and JCA algorithm names.
 */
package vn.lienthong.signing.agent;
