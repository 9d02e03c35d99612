/**
 * A stateful BIG-IP iControl REST simulator for tests: {@link io.hakit.f5.sim.F5Simulator}.
 *
 * <p>In a JUnit test:
 * <pre>{@code
 * try (F5Simulator bigip = F5Simulator.builder().deviceGroup("dg-idm").start()) {
 *     // point the code under test at bigip.url() with admin / admin
 *     JsonNode before = bigip.snapshot();
 *     bigip.faults().failRequest(3, 503, "The connection to mcpd has been lost, try again.");
 *     // ... run it, then assert on what a user would see:
 *     assertThat(bigip.snapshot()).isEqualTo(before);          // nothing half-done
 *     assertThat(bigip.activeTokens("admin")).isZero();         // no leaked tokens
 *     assertThat(bigip.transactionsCommitted()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Answers it gives, and the fact each follows (vendor notes {@code f5-icontrol.md}, or where
 * stated a public issue thread):
 * <ul>
 * <li>401 restjavad {@code "Authorization failed: no user authentication header or token detected. Uri:..."}
 * without credentials (§4, Terraform provider #468); {@code "X-F5-Auth-Token has expired."} (§4, #55);
 * {@code "X-F5-Auth-Token does not exist."} for an unknown token and {@code "Authentication failed."} for
 * wrong credentials (not in the notes: the simulator's wording);</li>
 * <li>400 restjavad {@code "user <u> has reached maximum active login tokens"} (§1, §4, #401);
 * 406 {@code "Auth-token absolute timeout (36000 seconds) exceeded"} when an extension would take a token
 * past 36,000 s from its creation (§1); 400 {@code "Authorization failed"} on another user's token (§1);</li>
 * <li>409 {@code 01020066:3: The requested <Type> (/P/n) already exists in partition P.} (§4); for a pool
 * member {@code The requested Pool Member (/P/pool /P/addr port) already exists ...} (§4);</li>
 * <li>404 {@code 01020036:3: The requested <Type> (/P/n) was not found.} for a missing object (§4), and the
 * same message with 400 when a body names a missing pool, profile, persistence profile, monitor, node,
 * certificate, key, datacenter, GTM server or pool;</li>
 * <li>400 {@code 01070110:3: Node address '/P/n' is referenced by a member of pool '/P/p'.} (§2.1);
 * {@code 01070265:3: The Pool (/P/p) cannot be deleted because it is in use by a Virtual Server (/P/vs).}
 * (terraform-provider-bigip-old PR #42), used for every other in-use object;
 * {@code 01070083:3: Monitor /P/m is in use.} (terraform-provider-bigip #187);</li>
 * <li>400 {@code Found unexpected json pair at configuration item /<path>. The json pair is "k":v.} with
 * apiError 26214401 for an unknown attribute (terraform-provider-bigip-old #111; apiError from §4);
 * {@code one or more configuration identifiers must be provided} without a name (§4);</li>
 * <li>409 {@code 01070333:3: Virtual Server /P/b illegally shares destination address, ...} for two
 * virtuals on one destination (not in the notes: TMOS's message as remembered);</li>
 * <li>transactions (§3): queued commands answer a {@code tm:transaction:commandsstate} body; a
 * sub-collection POST inside one answers 400 {@code Found invalid command id N/members/} (SDK #641); a
 * GET ignores the transaction, so an object created in it is not found (SDK #1550); an empty commit
 * answers 400 {@code there is no command to commit in the transaction}; a failed commit answers 400
 * {@code transaction failed:<reason>}, rolls back every command and leaves the transaction
 * {@code FAILED} with {@code failureReason}; an expired or unknown transaction answers 404
 * {@code Transaction <id> does not exist.} (wording not in the notes);</li>
 * <li>other refusals carry no mcpd id because the notes give none: bad values ({@code Invalid value for
 * <attr>: ...}), a node without address or fqdn, a bad destination or member name, an install whose upload
 * is missing ({@code File not found: /var/config/rest/downloads/<f>}) or is not PEM ({@code Caught SSL
 * exception: ...}), a second default persistence profile;</li>
 * <li>a path the device does not serve answers 404 {@code URI path ... not registered. ...};
 * restarts and overload answer Jetty HTML pages (§4) through {@link io.hakit.f5.sim.F5Faults}.</li>
 * </ul>
 */
package io.hakit.f5.sim;
