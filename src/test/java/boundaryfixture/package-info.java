/**
 * Two tiny features, {@code alpha} and {@code beta}, outside the portal's packages (so Spring never scans them), for
 * proving that the architecture test's boundary rule reports a feature reaching into another's internals.
 */
package boundaryfixture;
