package io.lensbench.encoders.joint;

import java.nio.file.Path;

/**
 * One held-out item for the model card's metrics.
 *
 * @param query attribute query it answers, e.g. "Men Blue Casual Shoes" (items with an equal
 *     query string are the relevant set)
 * @param articleType its article type (image → type top-1)
 */
public record EvalItem(String id, Path image, String query, String articleType) {}
