/**
 * What every module shares: ids, the user id, problems ({@link io.knag.kernel.KnagException}, {@link
 * io.knag.kernel.ProblemType}), validation and transactions.
 */
package io.knag.kernel;
