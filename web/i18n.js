// Panel labels in Polish and English. The language comes from the session (the server's default)
// unless the user chose one in the header (remembered in localStorage).
export const LANGUAGES = ['pl', 'en'];
const STORAGE_KEY = 'blconnect.lang';

const pl = {
  add: 'Dodaj', all: 'Wszystkie', apply: 'Filtruj', back_to_list: '← Lista', close: 'Zamknij',
  date_from: 'Data od', date_to: 'Data do', empty: 'Brak danych.', language: 'Język',
  loading: 'Wczytywanie…', logout: 'Wyloguj', never: 'nigdy', no: 'nie', yes: 'tak',
  remove: 'Usuń', reset: 'Wyczyść', save: 'Zapisz', search: 'Szukaj', paging: 'Strony',

  'nav.dashboard': 'Pulpit', 'nav.orders': 'Zamówienia', 'nav.products': 'Produkty',
  'nav.settings': 'Ustawienia', 'nav.journal': 'Dziennik', 'nav.menu': 'Menu',

  'login.title': 'Logowanie', 'login.intro': 'Panel sklepu blconnect.',
  'login.username': 'Użytkownik', 'login.password': 'Hasło', 'login.submit': 'Zaloguj',
  'login.missing': 'Podaj nazwę użytkownika i hasło.',
  'login.wrong': 'Nieprawidłowa nazwa użytkownika lub hasło.',
  'login.throttled': 'Zbyt wiele nieudanych prób logowania. Spróbuj ponownie później.',
  'login.throttled_for': 'Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za {0}\u00a0s.',
  'login.expired': 'Sesja wygasła. Zaloguj się ponownie.',

  'error.unknown': 'Nieznany błąd.', 'error.network': 'Brak połączenia z serwerem.',
  'error.unauthenticated': 'Sesja wygasła.', 'error.csrf': 'Odrzucono żądanie (CSRF). Odśwież stronę.',
  'error.not_found': 'Nie znaleziono.', 'error.conflict': 'Konflikt z istniejącymi danymi.',
  'error.too_large': 'Żądanie jest za duże.', 'error.rate_limited': 'Zbyt wiele żądań.',
  'error.internal': 'Błąd serwera.',

  'pager.first': '« Pierwsza', 'pager.prev': '‹ Poprzednia', 'pager.next': 'Następna ›',
  'pager.shown': 'na stronie: {0}', 'pager.total': 'razem: {0}',

  'dash.connection': 'Połączenie z BaseLinkerem', 'dash.db_ok': 'baza danych OK',
  'dash.db_down': 'baza danych niedostępna', 'dash.last_orders_get': 'Ostatnie pobranie zamówień (OrdersGet)',
  'dash.no_warnings': 'Brak ostrzeżeń.', 'dash.action': 'Akcja', 'dash.last_ok': 'Ostatni sukces',
  'dash.calls_24h': 'Wywołania (24 h)', 'dash.no_calls': 'BaseLinker jeszcze nie wywołał konektora.',
  'dash.shop': 'Sklep', 'dash.products': 'produkty', 'dash.categories': 'kategorie',
  'dash.orders_total': 'zamówienia', 'dash.from_baselinker': 'z BaseLinkera', 'dash.from_shop': 'ze sklepu',
  'dash.unpaid': 'nieopłacone', 'dash.oversold': 'z brakami', 'dash.last_24h': 'ostatnie 24 h',
  'dash.recent': 'Ostatnie żądania', 'dash.all_journal': 'Cały dziennik →',
  'warning.never_polled': 'BaseLinker nigdy nie pobrał zamówień.',
  'warning.orders_not_polled': 'BaseLinker dawno nie pobierał zamówień.',
  'warning.oversold_orders': 'Zamówienia z brakami magazynowymi.',
  'warning.never_polled.detail': 'W dzienniku nie ma żadnego OrdersGet: sprawdź adres i hasło integracji w BaseLinkerze.',
  'warning.orders_not_polled.detail': 'Ostatnie OrdersGet: {0}. Sprawdź, czy integracja w BaseLinkerze jest włączona.',
  'warning.oversold_orders.detail': 'Zamówień z pozycjami sprzedanymi ponad stan: {0}.',
  'warning.mass_change_held': 'Paczka zmian stanów lub cen z BaseLinkera czeka na zatwierdzenie.',
  'warning.mass_change_held.detail': 'Zobacz wstrzymane zmiany →',

  'held.title': 'Wstrzymane zmiany', 'held.one': 'Wstrzymana zmiana',
  'held.intro': 'Paczki ProductsQuantityUpdate / ProductsPriceUpdate, które wyzerowałyby dużą część katalogu lub zmieniłyby ceny ponad ustalony mnożnik. Nic z nich nie zostało zapisane.',
  'held.state': 'Stan', 'held.state.held': 'wstrzymane', 'held.state.applied': 'zastosowane',
  'held.state.discarded': 'odrzucone', 'held.state.all': 'wszystkie',
  'held.kind': 'Rodzaj', 'held.kind.stock': 'stany', 'held.kind.price': 'ceny',
  'held.rule': 'Reguła', 'held.rule.zeroed_share': 'zerowanie dużej części katalogu',
  'held.rule.price_factor': 'cena poza zakresem względem obecnej',
  'held.summary': 'Skutek', 'held.created_at': 'Otrzymano', 'held.last_sent_at': 'Ostatnio wysłano',
  'held.resends': 'Ponowienia', 'held.entry_count': 'Pozycje', 'held.decided': 'Decyzja',
  'held.none': 'Brak wstrzymanych zmian.', 'held.entries': 'Pozycje paczki', 'held.entry': 'Poz.',
  'held.product': 'Produkt', 'held.variant': 'Wariant', 'held.new_price': 'Nowa cena',
  'held.operation': 'Operacja', 'held.op.set': 'ustaw', 'held.op.change': 'zmień o',
  'held.quantity': 'Ilość', 'held.back': '← Wszystkie wstrzymane zmiany',
  'held.apply': 'Zastosuj', 'held.apply_confirm': 'Na pewno zastosować? Kliknij ponownie',
  'held.discard': 'Odrzuć', 'held.discard_confirm': 'Na pewno odrzucić? Kliknij ponownie',
  'held.applied_msg': 'Zmiana #{0} zastosowana: zapisano pozycji: {1}.',
  'held.discarded_msg': 'Zmiana #{0} odrzucona; nic nie zmieniono.',

  'orders.id': 'Nr', 'orders.date': 'Data', 'orders.origin': 'Źródło', 'orders.origin_shop': 'Sklep',
  'orders.buyer': 'Kupujący', 'orders.status': 'Status', 'orders.paid': 'Płatność',
  'orders.paid_yes': 'opłacone', 'orders.paid_no': 'nieopłacone', 'orders.total': 'Razem',
  'orders.tracking': 'Nr przesyłki', 'orders.oversold': 'Braki', 'orders.oversold_units': 'brak: {0} szt.',
  'orders.none': 'Brak zamówień.', 'orders.search_hint': 'nazwisko, e-mail, telefon, login, nr BL',

  'order.title': 'Zamówienie #{0}', 'order.actions': 'Akcje', 'order.status': 'Status',
  'order.new_status': 'Nowy status', 'order.change_status': 'Zmień status', 'order.payment': 'Płatność',
  'order.mark_paid': 'Oznacz jako opłacone', 'order.mark_unpaid': 'Oznacz jako nieopłacone',
  'order.new_shipment': 'Nowa przesyłka', 'order.tracking_number': 'Numer przesyłki',
  'order.carrier': 'Przewoźnik', 'order.tracking_url': 'Link do śledzenia', 'order.add_shipment': 'Dodaj przesyłkę',
  'order.staff_comment': 'Komentarz obsługi', 'order.comment': 'Komentarz', 'order.add_comment': 'Dodaj komentarz',
  'order.status_changed': 'Status zmieniony.', 'order.shipment_added': 'Przesyłka dodana.',
  'order.marked_paid': 'Zamówienie oznaczone jako opłacone.', 'order.marked_unpaid': 'Zamówienie oznaczone jako nieopłacone.',
  'order.comment_added': 'Komentarz dodany.', 'order.unchanged': 'Bez zmian (taka wartość już była).',
  'order.number_required': 'Podaj numer przesyłki.', 'order.comment_required': 'Wpisz treść komentarza.',
  'order.buyer': 'Kupujący', 'order.email': 'E-mail', 'order.phone': 'Telefon', 'order.client_login': 'Login',
  'order.transaction_id': 'Nr transakcji', 'order.service_account': 'Konto serwisu',
  'order.want_invoice': 'Faktura', 'order.invoice_nip': 'NIP',
  'order.delivery_address': 'Adres dostawy', 'order.invoice_address': 'Dane do faktury',
  'order.pickup_point': 'Punkt odbioru', 'order.point_id': 'Kod punktu', 'order.point_name': 'Nazwa',
  'order.point_address': 'Adres', 'order.no_point': 'Brak punktu odbioru.',
  'order.methods': 'Dostawa i płatność', 'order.delivery_method': 'Sposób dostawy',
  'order.delivery_price': 'Koszt dostawy', 'order.payment_method': 'Sposób płatności', 'order.cod': 'Za pobraniem',
  'order.lines': 'Pozycje', 'order.product': 'Produkt', 'order.unit_price': 'Cena jedn.',
  'order.quantity': 'Ilość', 'order.tax': 'VAT', 'order.stock_taken': 'Zdjęto ze stanu',
  'order.free_line': 'pozycja spoza katalogu', 'order.stock_returned': 'Stan magazynowy został zwrócony (anulowanie).',
  'order.shipments': 'Przesyłki', 'order.created_at': 'Dodano', 'order.no_shipments': 'Brak przesyłek.',
  'order.history': 'Historia', 'order.when': 'Kiedy', 'order.change': 'Zmiana', 'order.actor': 'Kto',
  'order.note': 'Uwagi', 'order.no_history': 'Brak historii.',
  'order.stock_moves': 'Ruchy magazynowe', 'order.no_stock_moves': 'Zamówienie nie ruszało stanu.',
  'order.line': 'Poz.', 'order.delta': 'Zmiana stanu', 'order.reason': 'Powód',
  'order.cancel_confirm': 'Anulowanie zwróci {0} szt. na stan — kliknij ponownie',
  'reason.order_added': 'nowe zamówienie', 'reason.replaced': 'zamówienie zastąpione',
  'reason.cancelled': 'anulowanie', 'reason.revived': 'przywrócenie', 'reason.migrated': 'stan przy aktualizacji',
  'order.comments': 'Komentarze', 'order.user_comments': 'Komentarz kupującego', 'order.staff_comments': 'Komentarze obsługi',

  'products.name': 'Nazwa', 'products.stock': 'Stan', 'products.price': 'Cena',
  'products.search_hint': 'nazwa produktu', 'products.category': 'Kategoria',
  'products.availability': 'Dostępność', 'products.active': 'aktywny', 'products.inactive': 'nieaktywny',
  'products.stock_from': 'Stan od', 'products.stock_to': 'Stan do', 'products.price_from': 'Cena od',
  'products.price_to': 'Cena do', 'products.sort': 'Sortuj', 'products.order': 'Kolejność',
  'products.asc': 'rosnąco', 'products.desc': 'malejąco', 'products.none': 'Brak produktów.',
  'products.edit_variants': 'warianty ({0}) →', 'products.open_variants': 'warianty →',
  'products.has_variants': '{0}: produkt ma warianty — stan zmienia się na wariantach (otwórz produkt).', 'products.saved': 'Zapisano: {0}.',
  'products.nothing_changed': 'Nic nie zmieniono.', 'products.bad_stock': 'Stan musi być liczbą całkowitą ≥ 0.',
  'products.bad_price': 'Cena musi być większa od 0, najwyżej 2 miejsca po przecinku.',
  'products.stock_from_variants': 'Stan produktu z wariantami to suma stanów wariantów — zmień stan wariantu.',
  'products.stock_price': 'Stan i cena', 'products.variants': 'Warianty', 'products.variant': 'Wariant',
  'products.details': 'Dane produktu', 'products.external_id': 'Klucz sklepu', 'products.model': 'Model',
  'products.manufacturer': 'Producent', 'products.weight': 'Waga', 'products.location': 'Lokalizacja',
  'products.content': 'Opis i cechy', 'products.feature': 'Cecha', 'products.value': 'Wartość',
  'products.images': 'Zdjęcia', 'products.short_description': 'Krótki opis', 'products.description': 'Opis (źródło)',
  'products.summary': 'Podsumowanie',

  'settings.orders_policy': 'Zamówienia z BaseLinkera', 'settings.source': 'Źródło ustawień',
  'settings.source_config': 'plik konfiguracyjny', 'settings.source_db': 'zapisane w bazie (panel)',
  'settings.unknown_products': 'Nieznany produkt w zamówieniu',
  'settings.unknown_keep': 'zachowaj jako pozycję spoza katalogu', 'settings.unknown_reject': 'odrzuć całe zamówienie',
  'settings.match_by_codes': 'Dopasowuj pozycje po SKU i EAN', 'settings.default_status': 'Status domyślny',
  'settings.accept_updates': 'BaseLinker może zmieniać', 'settings.update_status': 'status zamówienia',
  'settings.update_delivery_number': 'numer przesyłki', 'settings.update_paid': 'opłacenie',
  'settings.status_map': 'Mapowanie statusów BaseLinkera',
  'settings.status_map_hint': 'Identyfikator statusu w BaseLinkerze → status sklepu.',
  'settings.bl_status': 'status BaseLinkera', 'settings.shop_status': 'status sklepu',
  'settings.add_mapping': '+ Dodaj mapowanie', 'settings.saved': 'Ustawienia zapisane.',
  'settings.revert': 'Przywróć plik konfiguracyjny', 'settings.revert_confirm': 'Na pewno? Kliknij ponownie',
  'settings.reverted': 'Przywrócono ustawienia z pliku konfiguracyjnego.',
  'settings.connector': 'Konektor', 'settings.connector_path': 'Ścieżka', 'settings.password_source': 'Hasło komunikacji',
  'settings.password_from_config': 'z konfiguracji', 'settings.password_from_env': 'ze zmiennej środowiskowej',
  'settings.password_from_database': 'wygenerowane w panelu',
  'settings.rotate': 'Wygeneruj nowe hasło', 'settings.rotate_confirm': 'Stare hasło przestanie działać — kliknij ponownie',
  'settings.rotate_hint': 'Nowe hasło trzeba wpisać w ustawieniach integracji w BaseLinkerze.',
  'settings.password_once': 'Nowe hasło komunikacji — pokazywane tylko raz. Skopiuj je teraz do BaseLinkera; stare już nie działa.',
  'settings.password_rotated': 'Wygenerowano nowe hasło komunikacji.',
  'settings.statuses': 'Statusy zamówień', 'settings.delivery_methods': 'Sposoby dostawy',
  'settings.payment_methods': 'Sposoby płatności', 'settings.name': 'Nazwa', 'settings.new_name': 'nowa nazwa',
  'settings.flag_cancelled': 'anulowanie', 'settings.flag_cod': 'za pobraniem', 'settings.cancelled': 'anulowanie',
  'settings.renamed': 'Zapisano: {0}.', 'settings.added': 'Dodano: {0} (#{1}).', 'settings.name_required': 'Podaj nazwę.',

  'journal.at': 'Czas', 'journal.action': 'Akcja', 'journal.outcome': 'Wynik', 'journal.client': 'Klient',
  'journal.duration': 'Czas trwania', 'journal.bytes': 'Bajty', 'journal.request_id': 'Id żądania',
  'journal.from': 'Od', 'journal.to': 'Do', 'journal.errors_only': 'tylko błędy',
  'journal.none': 'Brak wpisów.', 'journal.entry': 'Wpis dziennika #{0}', 'journal.detail': 'Szczegóły',
  'journal.no_detail': 'Akcja nie zapisała szczegółów.',
};

const en = {
  add: 'Add', all: 'All', apply: 'Filter', back_to_list: '← List', close: 'Close',
  date_from: 'Date from', date_to: 'Date to', empty: 'Nothing here.', language: 'Language',
  loading: 'Loading…', logout: 'Log out', never: 'never', no: 'no', yes: 'yes',
  remove: 'Remove', reset: 'Clear', save: 'Save', search: 'Search', paging: 'Pages',

  'nav.dashboard': 'Dashboard', 'nav.orders': 'Orders', 'nav.products': 'Products',
  'nav.settings': 'Settings', 'nav.journal': 'Journal', 'nav.menu': 'Menu',

  'login.title': 'Sign in', 'login.intro': 'blconnect shop panel.',
  'login.username': 'Username', 'login.password': 'Password', 'login.submit': 'Sign in',
  'login.missing': 'Enter your username and password.',
  'login.wrong': 'Wrong username or password.',
  'login.throttled': 'Too many failed sign-ins. Try again later.',
  'login.throttled_for': 'Too many failed sign-ins. Try again in {0}\u00a0s.',
  'login.expired': 'Your session has ended. Please sign in again.',

  'error.unknown': 'Unknown error.', 'error.network': 'Cannot reach the server.',
  'error.unauthenticated': 'Session ended.', 'error.csrf': 'Request refused (CSRF). Reload the page.',
  'error.not_found': 'Not found.', 'error.conflict': 'Conflicts with existing data.',
  'error.too_large': 'Request too large.', 'error.rate_limited': 'Too many requests.',
  'error.internal': 'Server error.',

  'pager.first': '« First', 'pager.prev': '‹ Previous', 'pager.next': 'Next ›',
  'pager.shown': 'on this page: {0}', 'pager.total': 'total: {0}',

  'dash.connection': 'BaseLinker connection', 'dash.db_ok': 'database OK',
  'dash.db_down': 'database down', 'dash.last_orders_get': 'Last order poll (OrdersGet)',
  'dash.no_warnings': 'No warnings.', 'dash.action': 'Action', 'dash.last_ok': 'Last success',
  'dash.calls_24h': 'Calls (24 h)', 'dash.no_calls': 'BaseLinker has not called the connector yet.',
  'dash.shop': 'Shop', 'dash.products': 'products', 'dash.categories': 'categories',
  'dash.orders_total': 'orders', 'dash.from_baselinker': 'from BaseLinker', 'dash.from_shop': 'from the shop',
  'dash.unpaid': 'unpaid', 'dash.oversold': 'oversold', 'dash.last_24h': 'last 24 h',
  'dash.recent': 'Recent requests', 'dash.all_journal': 'Whole journal →',
  'warning.never_polled': 'BaseLinker has never polled the orders.',
  'warning.orders_not_polled': 'BaseLinker has not polled the orders for a while.',
  'warning.oversold_orders': 'Orders with oversold lines.',
  'warning.never_polled.detail': 'No OrdersGet in the journal: check the integration URL and password in BaseLinker.',
  'warning.orders_not_polled.detail': 'Last OrdersGet: {0}. Check that the integration is enabled in BaseLinker.',
  'warning.oversold_orders.detail': 'Orders with lines sold beyond the stock: {0}.',
  'warning.mass_change_held': 'A stock batch from BaseLinker is held for approval.',
  'warning.mass_change_held.detail': 'See the held changes →',

  'held.title': 'Held changes', 'held.one': 'Held change',
  'held.intro': 'ProductsQuantityUpdate / ProductsPriceUpdate batches that would zero a large share of the catalogue or move prices beyond the configured factor. Nothing of them was saved.',
  'held.state': 'State', 'held.state.held': 'held', 'held.state.applied': 'applied',
  'held.state.discarded': 'discarded', 'held.state.all': 'all',
  'held.kind': 'Kind', 'held.kind.stock': 'stock', 'held.kind.price': 'prices',
  'held.rule': 'Rule', 'held.rule.zeroed_share': 'zeroes a large share of the catalogue',
  'held.rule.price_factor': 'price out of range of the current one',
  'held.summary': 'Effect', 'held.created_at': 'Received', 'held.last_sent_at': 'Last sent',
  'held.resends': 'Re-sends', 'held.entry_count': 'Entries', 'held.decided': 'Decision',
  'held.none': 'No held changes.', 'held.entries': 'Entries of the batch', 'held.entry': 'No.',
  'held.product': 'Product', 'held.variant': 'Variant', 'held.new_price': 'New price',
  'held.operation': 'Operation', 'held.op.set': 'set', 'held.op.change': 'change by',
  'held.quantity': 'Quantity', 'held.back': '← All held changes',
  'held.apply': 'Apply', 'held.apply_confirm': 'Really apply? Click again',
  'held.discard': 'Discard', 'held.discard_confirm': 'Really discard? Click again',
  'held.applied_msg': 'Change #{0} applied: {1} entries saved.',
  'held.discarded_msg': 'Change #{0} discarded; nothing was changed.',

  'orders.id': 'No.', 'orders.date': 'Date', 'orders.origin': 'Origin', 'orders.origin_shop': 'Shop',
  'orders.buyer': 'Buyer', 'orders.status': 'Status', 'orders.paid': 'Payment',
  'orders.paid_yes': 'paid', 'orders.paid_no': 'unpaid', 'orders.total': 'Total',
  'orders.tracking': 'Tracking no.', 'orders.oversold': 'Oversold', 'orders.oversold_units': 'short: {0} pcs',
  'orders.none': 'No orders.', 'orders.search_hint': 'name, e-mail, phone, login, BL no.',

  'order.title': 'Order #{0}', 'order.actions': 'Actions', 'order.status': 'Status',
  'order.new_status': 'New status', 'order.change_status': 'Change status', 'order.payment': 'Payment',
  'order.mark_paid': 'Mark as paid', 'order.mark_unpaid': 'Mark as unpaid',
  'order.new_shipment': 'New shipment', 'order.tracking_number': 'Tracking number',
  'order.carrier': 'Carrier', 'order.tracking_url': 'Tracking link', 'order.add_shipment': 'Add shipment',
  'order.staff_comment': 'Staff comment', 'order.comment': 'Comment', 'order.add_comment': 'Add comment',
  'order.status_changed': 'Status changed.', 'order.shipment_added': 'Shipment added.',
  'order.marked_paid': 'Order marked as paid.', 'order.marked_unpaid': 'Order marked as unpaid.',
  'order.comment_added': 'Comment added.', 'order.unchanged': 'No change (it already had that value).',
  'order.number_required': 'Enter the tracking number.', 'order.comment_required': 'Write the comment first.',
  'order.buyer': 'Buyer', 'order.email': 'E-mail', 'order.phone': 'Phone', 'order.client_login': 'Login',
  'order.transaction_id': 'Transaction id', 'order.service_account': 'Service account',
  'order.want_invoice': 'Invoice', 'order.invoice_nip': 'Tax id (NIP)',
  'order.delivery_address': 'Delivery address', 'order.invoice_address': 'Invoice address',
  'order.pickup_point': 'Pickup point', 'order.point_id': 'Point code', 'order.point_name': 'Name',
  'order.point_address': 'Address', 'order.no_point': 'No pickup point.',
  'order.methods': 'Delivery and payment', 'order.delivery_method': 'Delivery method',
  'order.delivery_price': 'Delivery price', 'order.payment_method': 'Payment method', 'order.cod': 'Cash on delivery',
  'order.lines': 'Lines', 'order.product': 'Product', 'order.unit_price': 'Unit price',
  'order.quantity': 'Qty', 'order.tax': 'VAT', 'order.stock_taken': 'Taken from stock',
  'order.free_line': 'not in the catalogue', 'order.stock_returned': 'Stock was returned (cancelled).',
  'order.shipments': 'Shipments', 'order.created_at': 'Added', 'order.no_shipments': 'No shipments.',
  'order.history': 'History', 'order.when': 'When', 'order.change': 'Change', 'order.actor': 'Who',
  'order.note': 'Note', 'order.no_history': 'No history.',
  'order.stock_moves': 'Stock moves', 'order.no_stock_moves': 'The order moved no stock.',
  'order.line': 'Line', 'order.delta': 'Stock change', 'order.reason': 'Reason',
  'order.cancel_confirm': 'Cancelling returns {0} units to stock — click again',
  'reason.order_added': 'order added', 'reason.replaced': 'order replaced',
  'reason.cancelled': 'cancelled', 'reason.revived': 'revived', 'reason.migrated': 'held at the upgrade',
  'order.comments': 'Comments', 'order.user_comments': 'Buyer\u2019s comment', 'order.staff_comments': 'Staff comments',

  'products.name': 'Name', 'products.stock': 'Stock', 'products.price': 'Price',
  'products.search_hint': 'product name', 'products.category': 'Category',
  'products.availability': 'Availability', 'products.active': 'active', 'products.inactive': 'inactive',
  'products.stock_from': 'Stock from', 'products.stock_to': 'Stock to', 'products.price_from': 'Price from',
  'products.price_to': 'Price to', 'products.sort': 'Sort by', 'products.order': 'Order',
  'products.asc': 'ascending', 'products.desc': 'descending', 'products.none': 'No products.',
  'products.edit_variants': 'variants ({0}) →', 'products.open_variants': 'variants →',
  'products.has_variants': '{0}: the product has variants — change the stock of a variant (open the product).', 'products.saved': 'Saved: {0}.',
  'products.nothing_changed': 'Nothing changed.', 'products.bad_stock': 'Stock must be a whole number ≥ 0.',
  'products.bad_price': 'Price must be above 0 with at most 2 decimals.',
  'products.stock_from_variants': 'A product with variants has the sum of its variants\u2019 stock — change a variant\u2019s stock.',
  'products.stock_price': 'Stock and price', 'products.variants': 'Variants', 'products.variant': 'Variant',
  'products.details': 'Product data', 'products.external_id': 'Shop key', 'products.model': 'Model',
  'products.manufacturer': 'Manufacturer', 'products.weight': 'Weight', 'products.location': 'Location',
  'products.content': 'Description and features', 'products.feature': 'Feature', 'products.value': 'Value',
  'products.images': 'Images', 'products.short_description': 'Short description', 'products.description': 'Description (source)',
  'products.summary': 'Summary',

  'settings.orders_policy': 'Orders from BaseLinker', 'settings.source': 'Settings source',
  'settings.source_config': 'configuration file', 'settings.source_db': 'stored in the database (panel)',
  'settings.unknown_products': 'Unknown product in an order',
  'settings.unknown_keep': 'keep as a line outside the catalogue', 'settings.unknown_reject': 'reject the whole order',
  'settings.match_by_codes': 'Match lines by SKU and EAN', 'settings.default_status': 'Default status',
  'settings.accept_updates': 'BaseLinker may change', 'settings.update_status': 'the order status',
  'settings.update_delivery_number': 'the tracking number', 'settings.update_paid': 'the paid flag',
  'settings.status_map': 'BaseLinker status mapping',
  'settings.status_map_hint': 'BaseLinker status id → shop status.',
  'settings.bl_status': 'BaseLinker status', 'settings.shop_status': 'shop status',
  'settings.add_mapping': '+ Add mapping', 'settings.saved': 'Settings saved.',
  'settings.revert': 'Revert to the config file', 'settings.revert_confirm': 'Sure? Click again',
  'settings.reverted': 'Reverted to the configuration file\u2019s settings.',
  'settings.connector': 'Connector', 'settings.connector_path': 'Path', 'settings.password_source': 'Communication password',
  'settings.password_from_config': 'from the configuration', 'settings.password_from_env': 'from the environment',
  'settings.password_from_database': 'generated in the panel',
  'settings.rotate': 'Generate a new password', 'settings.rotate_confirm': 'The old password stops working — click again',
  'settings.rotate_hint': 'Enter the new password in BaseLinker\u2019s integration settings.',
  'settings.password_once': 'New communication password — shown only once. Copy it to BaseLinker now; the old one no longer works.',
  'settings.password_rotated': 'A new communication password was generated.',
  'settings.statuses': 'Order statuses', 'settings.delivery_methods': 'Delivery methods',
  'settings.payment_methods': 'Payment methods', 'settings.name': 'Name', 'settings.new_name': 'new name',
  'settings.flag_cancelled': 'cancellation', 'settings.flag_cod': 'cash on delivery', 'settings.cancelled': 'cancellation',
  'settings.renamed': 'Saved: {0}.', 'settings.added': 'Added: {0} (#{1}).', 'settings.name_required': 'Enter a name.',

  'journal.at': 'Time', 'journal.action': 'Action', 'journal.outcome': 'Outcome', 'journal.client': 'Client',
  'journal.duration': 'Duration', 'journal.bytes': 'Bytes', 'journal.request_id': 'Request id',
  'journal.from': 'From', 'journal.to': 'To', 'journal.errors_only': 'errors only',
  'journal.none': 'No entries.', 'journal.entry': 'Journal entry #{0}', 'journal.detail': 'Detail',
  'journal.no_detail': 'The action recorded no detail.',
};

const DICTS = { pl, en };
let current = 'pl';

function stored() {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(v) ? v : null;
  } catch {
    return null;
  }
}

// The user's choice wins; else the server default (session); else Polish.
export function initLang(serverDefault) {
  current = stored() || (LANGUAGES.includes(serverDefault) ? serverDefault : null) || current;
}

export function setLang(code, remember) {
  if (!LANGUAGES.includes(code)) return;
  current = code;
  if (remember) {
    try { localStorage.setItem(STORAGE_KEY, code); } catch { /* private mode */ }
  }
}

export function lang() { return current; }

function format(text, args) {
  return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] !== undefined && args[i] !== null ? String(args[i]) : ''));
}

export function t(key, ...args) {
  const text = DICTS[current][key] ?? DICTS.en[key] ?? key;
  return format(text, args);
}

// For keys built from API values (warning codes...): the value itself when there is no label.
export function tOr(key, fallback) {
  return DICTS[current][key] ?? DICTS.en[key] ?? fallback;
}
