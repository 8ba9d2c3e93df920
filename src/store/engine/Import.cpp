// The catalogue import and save_product. The import checks the whole batch first without the
// write lock (a bad record throws ImportError before anything is written), then writes it in
// short transactions of a chunk of records each; save_product is one transaction.
#include <algorithm>

#include "store/ImportValidate.h"
#include "store/engine/Catalog.h"
#include "store/engine/Import.h"

namespace store::engine {
namespace {

using importing::ChunkConflict;
using importing::ChunkPlan;
using importing::References;

// Keeps the planner's statistics of the catalogue up to date while an import grows it
// (Port::refresh_statistics; PostgreSQL). Plans are cached per connection: the import's own
// statements, the foreign key checks and the variants' trigger statements (001_catalog.sql) would
// otherwise keep plans made while the tables were nearly empty (sequential scans), and a first
// import of 100,000 products would scan all of `products` for every chunk: quadratic. ANALYZE
// counts the new rows and invalidates those plans; it runs each time the products have grown
// fourfold, and once more over every catalogue table at the end, so that the first requests after
// a big import (before autovacuum comes by) are planned for the tables as they are. (Forcing
// custom plans instead would replan every foreign key check: twice as slow.)
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

void add(ImportSummary& to, const ImportSummary& s) {
    to.categories_created += s.categories_created;
    to.categories_updated += s.categories_updated;
    to.manufacturers_created += s.manufacturers_created;
    to.manufacturers_updated += s.manufacturers_updated;
    to.products_created += s.products_created;
    to.products_updated += s.products_updated;
    to.variants_created += s.variants_created;
    to.variants_updated += s.variants_updated;
    to.variants_removed += s.variants_removed;
}

// A batch checked whole against one read snapshot (no write lock), then written in short
// transactions: the references, then `chunk` product records at a time, so that the connector's
// writes interleave with the import's. A failure after the first commit leaves the chunks
// committed so far; importing the same batch again finishes the job (docs/import.md).
class ChunkedImport {
  public:
    ChunkedImport(Port& port, const ImportBatch& batch, std::size_t chunk, ImportProgress progress,
                  void* user)
        : port_(port),
          batch_(batch),
          chunk_(std::max<std::size_t>(chunk, 1)),
          progress_(progress),
          user_(user) {}

    ImportSummary run() {
        validate_import(batch_);
        read(port_, [&](Connection& conn) {
            importing::check_products(port_, conn, batch_,
                                      importing::expected_references(port_, conn, batch_), chunk_);
        });
        write_references();
        for (std::size_t begin = 0; begin < batch_.products.size();) begin = apply(begin);
        write(port_, [&](Connection& conn) { growth_->finish(conn); });
        return summary_;
    }

  private:
    struct Applied {
        std::size_t end = 0;
        ImportSummary summary;
    };

    void write_references() {
        auto written = engine::write(
            port_, WriteKind::Bulk,
            [&](Connection& conn) {
                growth_.emplace(port_, conn);
                std::pair<References, ImportSummary> r;
                r.first = importing::write_references(port_, conn, batch_, r.second);
                return r;
            },
            [](const auto&) { return true; });
        refs_ = std::move(written.first);
        add(summary_, written.second);
        report(0);
    }

    // Writes the chunk from `begin` in its own transaction; returns where the next one starts.
    std::size_t apply(std::size_t begin) {
        try {
            return apply(begin, chunk_);
        } catch (const ChunkConflict& conflict) {
            // Another process wrote one of the chunk's keys meanwhile: one record at a time
            // names the record that conflicts (an ImportError), the others are written.
            for (begin = conflict.begin; begin < conflict.end;) begin = apply(begin, 1);
            return begin;
        }
    }

    std::size_t apply(std::size_t begin, std::size_t limit) {
        const Applied applied = engine::write(
            port_, WriteKind::Bulk,
            [&](Connection& conn) {
                Applied a;
                ChunkPlan plan = importing::plan_chunk(port_, conn, batch_, refs_, begin, limit,
                                                       nullptr, a.summary);
                importing::write_chunk(port_, conn, batch_, plan);
                growth_->grown_to(conn, summary_.products_created + a.summary.products_created);
                a.end = plan.end;
                return a;
            },
            [](const Applied&) { return true; });
        add(summary_, applied.summary);
        report(applied.end);
        port_.let_others_write();
        return applied.end;
    }

    void report(std::size_t done) const {
        if (progress_)
            progress_(user_, static_cast<std::int64_t>(done),
                      static_cast<std::int64_t>(batch_.products.size()));
    }

    Port& port_;
    const ImportBatch& batch_;
    const std::size_t chunk_;
    ImportProgress progress_;
    void* user_;
    References refs_;
    std::optional<TableGrowth> growth_;
    ImportSummary summary_;
};

bool product_exists(Connection& conn, Id id) {
    auto st = conn.prepare("SELECT 1 FROM products WHERE id = ?1");
    st.bind(1, id);
    return st.step();
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
        return ChunkedImport(port_, batch, import_chunk_, progress, progress_user).run();
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
