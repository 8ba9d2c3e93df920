#pragma once
// A small hand-made catalogue that the store tests share. Imported into a fresh database, the
// products get ids 1..5 in this order.
#include "store/ImportTypes.h"

namespace store_tests {

inline core::Money zl(std::int64_t minor) {
    return core::Money::from_minor(minor);
}

// Categories: Dom i ogród(c1) / Kuchnia(c2) / Kubki(c3); Dom i ogród / Łazienka(c4, inactive) /
// Ręczniki(c5); alfa(c6); Zabawki(c7). Products:
//  1 "Kubek ceramiczny 330 ml"  KUB-1, c3, 34.90, stock 10, 2 images, 3 features
//  2 "Żółw pluszowy"            ZOL-1, c7, 59.00, promo 49.00, stock 0
//  3 "Koszulka bawełniana męska" KOS-1, c2, 79.99, variants Czerwony XL (3) / Niebieski M (4)
//  4 "Łyżka drewniana"          LYZ-1, c5, 9.99, stock 100, inactive
//  5 "Ręcznik 100%_duży"        R%_1, c4, 25.00, stock 7
store::ImportBatch small_shop();

}  // namespace store_tests
