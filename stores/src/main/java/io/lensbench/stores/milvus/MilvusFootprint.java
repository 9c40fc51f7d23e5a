package io.lensbench.stores.milvus;

import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.Footprint;
import io.lensbench.stores.VectorField;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.utility.request.GetQuerySegmentInfoReq;
import io.milvus.v2.service.utility.response.GetQuerySegmentInfoResp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Milvus collection's footprint. A Milvus server answers GetQuerySegmentInfo with a {@code
 * mem_size} per loaded segment, but Milvus 2.3.5 answers 0 for every segment (measured: sealed
 * segments of 524 to 20,000 rows, FLAT and HNSW), so a sum of 0 is reported as unknown, never as 0
 * bytes. It reports no disk size; the storage keys are its collection ids (the folders of its
 * binlogs), for a caller that knows the server's data folder. Milvus Lite reports neither; its storage keys are the
 * collection names (its data folder holds one folder per collection).
 */
final class MilvusFootprint {
  private MilvusFootprint() {}

  static Footprint of(MilvusClientV2 client, MilvusEngine engine, CollectionSchema schema, String collection) {
    Set<String> physical = new LinkedHashSet<>();
    for (VectorField v : schema.vectors()) {
      physical.add(MilvusSchemas.collectionOf(schema, collection, v.name(), engine));
    }
    if (engine.lite()) {
      return new Footprint(null, null, null, null, List.copyOf(physical),
          "Milvus Lite reports neither disk nor memory per collection");
    }
    List<String> ids = new ArrayList<>();
    long memory = 0;
    for (String c : physical) {
      ids.add(String.valueOf(client.describeCollection(DescribeCollectionReq.builder().collectionName(c).build())
          .getCollectionID()));
      GetQuerySegmentInfoResp r = client.getQuerySegmentInfo(GetQuerySegmentInfoReq.builder().collectionName(c).build());
      for (GetQuerySegmentInfoResp.QuerySegmentInfo s : r.getSegmentInfos()) {
        memory += s.getMemSize() == null ? 0 : s.getMemSize();
      }
    }
    if (memory == 0) {
      return new Footprint(null, null, null, null, ids,
          "Milvus " + engine.reported() + " reports neither disk size nor segment memory (mem_size 0) per collection");
    }
    return new Footprint(null, null, memory, "query-node mem_size of the loaded segments (GetQuerySegmentInfo)",
        ids, "a Milvus server reports no disk size per collection");
  }
}
