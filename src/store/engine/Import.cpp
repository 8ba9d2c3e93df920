// The catalogue import and save_product: validate, then write references and product chunks
// in one write transaction. Any bad record throws ImportError and the transaction rolls back.
#include <algorithm>

#include "store/ImportValidate.h"
#include "store/engine/Catalog.h"
#include "store/engine/Import.h"

namespace store::engine {
namespace {

using importing::ChunkConflict;
using importing::ChunkPlan;
using importing::References;

// Records per chunk (one set of bulk statements), and the progress step.
constexpr std::size_t kChunk = 500;

// Records written one at a time, after a chunk of them met a concurrent write.
struct OneByOne {
    std::size_t begin = 0, end = 0;
};

std::size_t chunk_limit(std::size_t begin, OneByOne slow) {
    if (begin >= slow.begin && begin < slow.end) return 1;
    if (begin < slow.begin) return std::min(kChunk, slow.begin - begin);
    return kChunk;
}

// Keeps the planner's statistics of the catalogue up to date while an import grows it
// (Port::refresh_statistics; PostgreSQL). Plans are cached per connection: the import's own
// statements, the foreign key checks and the variants' trigger statements (001_catalog.sql) would
// otherwise keep plans made while the tables were nearly empty (sequential scans), and a first
// import of 100,000 products would scan all of `products` for every chunk: quadratic. ANALYZE
// within the transaction counts the transaction's own new rows and invalidates those plans; it runs
// each time the products have grown fourfold, and once more over every catalogue table at the end,
// so that the first requests after a big import (before autovacuum comes by) are planned for the
// tables as they are. (Forcing custom plans instead would replan every foreign key check: twice as
// slow.)
class TableGrowth {
  public:
    TableGrowth(Port& port, Connection& conn) : port_(port) {
        next_ = 4 * std::max<std::int64_t>(port.estimated_rows(conn, "products"), 1000);
    }

    void grown_to(Connection& conn, std::int64_t products) {
        if (products < next_) return;
        port_.refresh_statistics(conn, "products, variants");
        next_ = 4 * products;
        grown_ = true;
    }

    void finish(Connection& conn) const {
        if (!grown_) return;
        port_.refresh_statistics(conn,
                                 "categories, manufacturers, products, variants, product_images,"
                                 " product_features, variant_images, variant_features");
    }

  private:
    Port& port_;
    std::int64_t next_ = 0;
    bool grown_ = false;
};

ImportSummary run_import(Port& port, Connection& conn, const ImportBatch& batch,
                         ImportProgress progress, void* user, OneByOne slow) {
    ImportSummary summary;
    const References refs = importing::write_references(port, conn, batch, summary);
    const std::size_t total = batch.products.size();
    TableGrowth growth(port, conn);
    for (std::size_t begin = 0; begin < total;) {
        ChunkPlan chunk = importing::plan_chunk(port, conn, batch, refs, begin,
                                                chunk_limit(begin, slow), nullptr, summary);
        importing::write_chunk(port, conn, batch, chunk);
        growth.grown_to(conn, summary.products_created);
        if (progress && (chunk.end / kChunk > begin / kChunk || chunk.end == total))
            progress(user, static_cast<std::int64_t>(chunk.end), static_cast<std::int64_t>(total));
        begin = chunk.end;
    }
    growth.finish(conn);
    return summary;
}

bool product_exists(Connection& conn, Id id) {
    auto st = conn.prepare("SELECT 1 FROM products WHERE id = ?1");
    st.bind(1, id);
    return st.step();
}

ImportSummary import_batch(Port& port, const ImportBatch& batch, ImportProgress progress,
                           void* progress_user) {
    validate_import(batch);
    OneByOne slow;
    for (int attempt = 1;; ++attempt) {
        try {
            return write(
                port, WriteKind::Bulk,
                [&](Connection& conn) {
                    return run_import(port, conn, batch, progress, progress_user, slow);
                },
                [](const ImportSummary&) { return true; });
        } catch (const ChunkConflict& conflict) {
            // Run again: the chunk's records one at a time name the one that conflicts.
            if (attempt == 3)
                throw ImportError("products", static_cast<std::int64_t>(conflict.begin + 1),
                                  "conflicts with concurrent changes to the catalogue");
            slow = OneByOne{conflict.begin, conflict.end};
        }
    }
}

// The product's id, or nullopt (nothing written) when `id` names no product.
std::optional<Id> save_one(Port& port, std::optional<Id> id, const ImportBatch& batch) {
    return write(port, [&](Connection& conn) -> std::optional<Id> {
        if (id && !product_exists(conn, *id)) return std::nullopt;
        ImportSummary summary;
        const References refs = importing::write_references(port, conn, batch, summary);
        const importing::SaveTarget save{id};
        ChunkPlan chunk = importing::plan_chunk(port, conn, batch, refs, 0, 1, &save, summary);
        importing::write_chunk(port, conn, batch, chunk);
        return chunk.products.front().id;
    });
}

}  // namespace

// A bad record is found where a rule is checked, often deep inside the write transaction; the
// ImportError that rolls it back stops here and becomes the caller's Status.
core::Result<ImportSummary> Catalog::import(const ImportBatch& batch, ImportProgress progress,
                                            void* progress_user) {
    try {
        return import_batch(port_, batch, progress, progress_user);
    } catch (const ImportError& e) {
        return import_status(e);
    }
}

core::Result<Id> Catalog::save_product(std::optional<Id> id, const ImportProduct& product) {
    // The import's own checks and writes, on a batch of one.
    ImportBatch batch;
    batch.products.push_back(product);
    try {
        validate_import(batch);
        if (auto saved = save_one(port_, id, batch)) return *saved;
        return core::Status::not_found("unknown product " + std::to_string(id.value_or(0)));
    } catch (const ImportError& e) {
        return save_status(e);
    }
}

}  // namespace store::engine
