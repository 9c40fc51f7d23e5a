package io.lensbench.stores.milvus;

import io.lensbench.stores.CollectionSchema;
import io.lensbench.stores.IndexSpec;
import io.lensbench.stores.Metric;
import io.lensbench.stores.ScalarField;
import io.lensbench.stores.SchemaChecks;
import io.lensbench.stores.SchemaCodec;
import io.lensbench.stores.StoreLayout;
import io.lensbench.stores.TextField;
import io.lensbench.stores.VectorField;
import io.milvus.common.clientenum.FunctionType;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvus.v2.service.index.request.DescribeIndexReq;
import io.milvus.v2.service.index.response.DescribeIndexResp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link CollectionSchema} ↔ Milvus collection(s): the create requests (fields, BM25 functions,
 * indexes, the schema JSON as property and description; on Milvus 2.3 one collection per vector
 * field) and the schema read back from a
 * described collection (see {@link MilvusStore} for the mapping).
 */
final class MilvusSchemas {
  /** Collection property holding the LensBench schema JSON (Milvus Lite drops descriptions). */
  static final String SCHEMA_PROPERTY = "lensbench.schema";

  /** Between a collection's name and a vector field's in its companion collections (Milvus 2.3). */
  static final String COMPANION = "__vec_";

  /** The vector field of a Milvus 2.3 main collection whose schema has none (Milvus needs one). */
  static final String PLACEHOLDER = "__placeholder";

  static final int VARCHAR_MAX = 65_535;
  /** "en" and "ko" both use the standard tokenizer, the only non-Chinese one Milvus Lite has; "ko" text arrives already split into Nori morphemes. */
  private static final Map<String, Object> STANDARD_ANALYZER =
      Map.of("tokenizer", "standard", "filter", List.of("lowercase"));

  private final SchemaCodec codec = new SchemaCodec();

  /**
   * The create requests of one schema on this engine, the main collection first. Milvus 2.4+
   * (and Lite) holds the whole schema in one collection. Milvus 2.3 holds one vector field per
   * collection: the main collection has the id, the first vector field (or a placeholder when
   * there is none), the texts as plain VARCHARs and the scalars; each further vector field gets
   * a companion collection {@code <name>__vec_<field>} with the id, that field and the scalars
   * (for filters).
   */
  List<CreateCollectionReq> createRequests(CollectionSchema schema, MilvusEngine engine, StoreLayout layout) {
    String json = codec.toJson(schema);
    if (engine.multiVector()) {
      CreateCollectionReq.CollectionSchema ms = newSchema();
      List<IndexParam> indexes = new ArrayList<>();
      schema.vectors().forEach(v -> addVector(ms, indexes, v));
      schema.texts().forEach(t -> addText(ms, indexes, t));
      addScalars(ms, schema.scalars(), true);
      return List.of(request(schema.name(), ms, indexes, json, layout));
    }
    List<CreateCollectionReq> out = new ArrayList<>();
    CreateCollectionReq.CollectionSchema main = newSchema();
    List<IndexParam> mainIndexes = new ArrayList<>();
    if (schema.vectors().isEmpty()) {
      main.addField(AddFieldReq.builder().fieldName(PLACEHOLDER).dataType(DataType.FloatVector).dimension(2).build());
      mainIndexes.add(IndexParam.builder().fieldName(PLACEHOLDER).metricType(IndexParam.MetricType.L2)
          .indexType(IndexParam.IndexType.FLAT).build());
    } else {
      addVector(main, mainIndexes, schema.vectors().get(0));
    }
    for (TextField t : schema.texts()) {
      main.addField(AddFieldReq.builder().fieldName(t.name()).dataType(DataType.VarChar).maxLength(VARCHAR_MAX).build());
    }
    addScalars(main, schema.scalars(), false);
    out.add(request(schema.name(), main, mainIndexes, json, layout));
    for (VectorField v : schema.vectors().subList(Math.min(1, schema.vectors().size()), schema.vectors().size())) {
      CreateCollectionReq.CollectionSchema ms = newSchema();
      List<IndexParam> indexes = new ArrayList<>();
      addVector(ms, indexes, v);
      addScalars(ms, schema.scalars(), false);
      out.add(request(schema.name() + COMPANION + v.name(), ms, indexes, json, layout));
    }
    return out;
  }

  /** The collection holding a vector field: the main one, or its companion on Milvus 2.3. */
  static String collectionOf(CollectionSchema schema, String collection, String vectorField, MilvusEngine engine) {
    return engine.multiVector() || schema.vectors().get(0).name().equals(vectorField)
        ? collection : collection + COMPANION + vectorField;
  }

  private static CreateCollectionReq.CollectionSchema newSchema() {
    CreateCollectionReq.CollectionSchema ms =
        CreateCollectionReq.CollectionSchema.builder().enableDynamicField(false).build();
    ms.addField(AddFieldReq.builder().fieldName(SchemaChecks.ID_FIELD).dataType(DataType.VarChar)
        .maxLength(SchemaChecks.MAX_ID_LENGTH).isPrimaryKey(true).autoID(false).build());
    return ms;
  }

  private static void addVector(CreateCollectionReq.CollectionSchema ms, List<IndexParam> indexes, VectorField v) {
    ms.addField(AddFieldReq.builder().fieldName(v.name()).dataType(DataType.FloatVector).dimension(v.dimension()).build());
    indexes.add(vectorIndex(v));
  }

  /** Scalars, nullable where the engine has nullable fields (else nulls are stored as defaults). */
  private static void addScalars(CreateCollectionReq.CollectionSchema ms, List<ScalarField> scalars, boolean nullable) {
    for (ScalarField f : scalars) {
      AddFieldReq.AddFieldReqBuilder<?> fb = AddFieldReq.builder().fieldName(f.name());
      if (nullable) {
        fb.isNullable(true);
      }
      switch (f.type()) {
        case KEYWORD -> fb.dataType(DataType.VarChar).maxLength(VARCHAR_MAX);
        case INT -> fb.dataType(DataType.Int64);
        case JSON -> fb.dataType(DataType.JSON);
      }
      ms.addField(fb.build());
    }
  }

  private static CreateCollectionReq request(String name, CreateCollectionReq.CollectionSchema ms,
      List<IndexParam> indexes, String json, StoreLayout layout) {
    CreateCollectionReq.CreateCollectionReqBuilder b = CreateCollectionReq.builder()
        .collectionName(name)
        .description(SchemaCodec.PREFIX + json)
        .property(SCHEMA_PROPERTY, json)
        .collectionSchema(ms)
        .indexParams(indexes)
        .consistencyLevel(ConsistencyLevel.STRONG);
    if (layout.shards() != null) {
      b.numShards(layout.shards());
    }
    return b.build();
  }

  /** A VARCHAR with the analyser, plus the sparse field a BM25 function fills, and its index. */
  private static void addText(CreateCollectionReq.CollectionSchema ms, List<IndexParam> indexes, TextField t) {
    ms.addField(AddFieldReq.builder().fieldName(t.name()).dataType(DataType.VarChar).maxLength(VARCHAR_MAX)
        .enableAnalyzer(true).analyzerParams(STANDARD_ANALYZER).build());
    String sparse = t.name() + SchemaChecks.BM25_SUFFIX;
    ms.addField(AddFieldReq.builder().fieldName(sparse).dataType(DataType.SparseFloatVector).build());
    ms.addFunction(CreateCollectionReq.Function.builder()
        .name(t.name() + "_bm25_fn")
        .functionType(FunctionType.BM25)
        .inputFieldNames(List.of(t.name()))
        .outputFieldNames(List.of(sparse))
        .build());
    indexes.add(IndexParam.builder().fieldName(sparse)
        .indexType(IndexParam.IndexType.SPARSE_INVERTED_INDEX).metricType(IndexParam.MetricType.BM25).build());
  }

  private static IndexParam vectorIndex(VectorField v) {
    IndexParam.IndexParamBuilder b = IndexParam.builder().fieldName(v.name()).metricType(metric(v.metric()));
    if (v.index().type() == IndexSpec.Type.HNSW) {
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("M", v.index().m());
      extra.put("efConstruction", v.index().efConstruction());
      // Milvus Lite reads build parameters only from the JSON "params" entry
      extra.put("params", String.format(Locale.ROOT, "{\"M\": %d, \"efConstruction\": %d}",
          v.index().m(), v.index().efConstruction()));
      b.indexType(IndexParam.IndexType.HNSW).extraParams(extra);
    } else if (v.index().type() == IndexSpec.Type.IVF_FLAT) {
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("nlist", v.index().nlist());
      extra.put("params", String.format(Locale.ROOT, "{\"nlist\": %d}", v.index().nlist()));
      b.indexType(IndexParam.IndexType.IVF_FLAT).extraParams(extra);
    } else {
      b.indexType(IndexParam.IndexType.FLAT);
    }
    return b.build();
  }

  static IndexParam.MetricType metric(Metric m) {
    return switch (m) {
      case COSINE -> IndexParam.MetricType.COSINE;
      case IP -> IndexParam.MetricType.IP;
      case L2 -> IndexParam.MetricType.L2;
    };
  }

  /** The schema of a described collection: the stored JSON when there is one, else what Milvus knows. */
  CollectionSchema read(MilvusClientV2 client, String collection, DescribeCollectionResp d, String where) {
    String description = d.getDescription() == null ? "" : d.getDescription();
    String property = d.getProperties() == null ? null : d.getProperties().get(SCHEMA_PROPERTY);
    String json = property != null ? property
        : description.startsWith(SchemaCodec.PREFIX) ? description.substring(SchemaCodec.PREFIX.length()) : null;
    CreateCollectionReq.CollectionSchema ms = d.getCollectionSchema();
    if (json == null) {
      return reconstruct(client, collection, ms);
    }
    return SchemaCodec.withActualDimensions(codec.fromJson(json, where), name -> {
      CreateCollectionReq.FieldSchema f = ms.getField(name);
      return f == null ? null : f.getDimension();
    });
  }

  /** A collection not created by LensBench: read what Milvus itself knows. */
  private static CollectionSchema reconstruct(MilvusClientV2 client, String collection, CreateCollectionReq.CollectionSchema ms) {
    List<VectorField> vs = new ArrayList<>();
    List<TextField> ts = new ArrayList<>();
    List<ScalarField> ss = new ArrayList<>();
    for (CreateCollectionReq.FieldSchema f : ms.getFieldSchemaList()) {
      if (Boolean.TRUE.equals(f.getIsPrimaryKey())) {
        continue;
      }
      switch (f.getDataType()) {
        case FloatVector -> vs.add(vectorField(client, collection, f));
        case VarChar -> {
          if (Boolean.TRUE.equals(f.getEnableAnalyzer())) {
            ts.add(new TextField(f.getName(), "en"));
          } else {
            ss.add(new ScalarField(f.getName(), ScalarField.Type.KEYWORD));
          }
        }
        case Int8, Int16, Int32, Int64 -> ss.add(new ScalarField(f.getName(), ScalarField.Type.INT));
        case JSON -> ss.add(new ScalarField(f.getName(), ScalarField.Type.JSON));
        default -> { }
      }
    }
    return new CollectionSchema(collection, vs, ts, ss, Map.of());
  }

  private static VectorField vectorField(MilvusClientV2 client, String collection, CreateCollectionReq.FieldSchema f) {
    Metric metric = Metric.COSINE;
    IndexSpec spec = IndexSpec.flat();
    try {
      DescribeIndexResp ir = client.describeIndex(
          DescribeIndexReq.builder().collectionName(collection).fieldName(f.getName()).build());
      DescribeIndexResp.IndexDesc desc = ir.getIndexDescByFieldName(f.getName());
      if (desc != null) {
        metric = Metric.valueOf(desc.getMetricType().name());
        if (desc.getIndexType() == IndexParam.IndexType.HNSW) {
          Map<String, String> p = desc.getExtraParams();
          spec = IndexSpec.hnsw(intOf(p, "M", 16), intOf(p, "efConstruction", 200), 64);
        }
      }
    } catch (RuntimeException e) {
      // no index: report FLAT/COSINE defaults
    }
    return new VectorField(f.getName(), f.getDimension(), metric, spec);
  }

  private static int intOf(Map<String, String> p, String key, int dflt) {
    try {
      return p != null && p.get(key) != null ? Integer.parseInt(p.get(key)) : dflt;
    } catch (NumberFormatException e) {
      return dflt;
    }
  }
}
