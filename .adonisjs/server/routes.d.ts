import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'health': { paramsTuple?: []; params?: {} }
    'sitemap': { paramsTuple?: []; params?: {} }
    'robots': { paramsTuple?: []; params?: {} }
    'media': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'payments.notifications': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'fr.home': { paramsTuple?: []; params?: {} }
    'fr.search': { paramsTuple?: []; params?: {} }
    'fr.cart': { paramsTuple?: []; params?: {} }
    'fr.cart.lines.store': { paramsTuple?: []; params?: {} }
    'fr.cart.lines.update': { paramsTuple: [ParamValue]; params: {'variantId': ParamValue} }
    'fr.cart.lines.destroy': { paramsTuple: [ParamValue]; params: {'variantId': ParamValue} }
    'fr.cart.coupon.store': { paramsTuple?: []; params?: {} }
    'fr.cart.coupon.destroy': { paramsTuple?: []; params?: {} }
    'fr.checkout.start': { paramsTuple?: []; params?: {} }
    'fr.checkout.identification': { paramsTuple?: []; params?: {} }
    'fr.checkout.identification.store': { paramsTuple?: []; params?: {} }
    'fr.checkout.addresses': { paramsTuple?: []; params?: {} }
    'fr.checkout.addresses.store': { paramsTuple?: []; params?: {} }
    'fr.checkout.delivery': { paramsTuple?: []; params?: {} }
    'fr.checkout.delivery.store': { paramsTuple?: []; params?: {} }
    'fr.checkout.payment': { paramsTuple?: []; params?: {} }
    'fr.checkout.payment.store': { paramsTuple?: []; params?: {} }
    'fr.checkout.review': { paramsTuple?: []; params?: {} }
    'fr.checkout.orders.store': { paramsTuple?: []; params?: {} }
    'fr.checkout.payments.return': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.checkout.payments.cancel': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.checkout.confirmation': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.checkout.confirmation.account': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.orders.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.orders.payment': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.orders.payment.store': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.orders.cart': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.orders.invoices.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'invoiceNumber': ParamValue} }
    'fr.categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.legal_pages.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.legal_pages.versions.show': { paramsTuple: [ParamValue,ParamValue]; params: {'slug': ParamValue,'version': ParamValue} }
    'fr.legal_pages.versions.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'slug': ParamValue,'version': ParamValue} }
    'fr.legal_pages.withdrawal_form': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'fr.account.login': { paramsTuple?: []; params?: {} }
    'fr.account.login.store': { paramsTuple?: []; params?: {} }
    'fr.account.register': { paramsTuple?: []; params?: {} }
    'fr.account.register.store': { paramsTuple?: []; params?: {} }
    'fr.account.logout': { paramsTuple?: []; params?: {} }
    'fr.account.password_resets.create': { paramsTuple?: []; params?: {} }
    'fr.account.password_resets.store': { paramsTuple?: []; params?: {} }
    'fr.account.password_resets.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'fr.account.password_resets.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'fr.account.show': { paramsTuple?: []; params?: {} }
    'fr.account.update': { paramsTuple?: []; params?: {} }
    'fr.account.email.edit': { paramsTuple?: []; params?: {} }
    'fr.account.email.update': { paramsTuple?: []; params?: {} }
    'fr.account.password.edit': { paramsTuple?: []; params?: {} }
    'fr.account.password.update': { paramsTuple?: []; params?: {} }
    'fr.account.addresses.index': { paramsTuple?: []; params?: {} }
    'fr.account.addresses.create': { paramsTuple?: []; params?: {} }
    'fr.account.addresses.store': { paramsTuple?: []; params?: {} }
    'fr.account.addresses.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.account.addresses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.account.addresses.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.account.addresses.default': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'purpose': ParamValue} }
    'fr.withdrawals.create': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.withdrawals.review': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.withdrawals.store': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.cookies.show': { paramsTuple?: []; params?: {} }
    'fr.cookies.store': { paramsTuple?: []; params?: {} }
    'fr.newsletter.unsubscribe': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.orders.contract': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.account.privacy.show': { paramsTuple?: []; params?: {} }
    'fr.account.privacy.marketing.update': { paramsTuple?: []; params?: {} }
    'fr.account.privacy.export': { paramsTuple?: []; params?: {} }
    'fr.account.delete': { paramsTuple?: []; params?: {} }
    'fr.account.destroy': { paramsTuple?: []; params?: {} }
    'fr.guarantee.create': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.guarantee.store': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.sso.start': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'fr.sso.callback': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'fr.account.sso.unlink': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.home': { paramsTuple?: []; params?: {} }
    'en.search': { paramsTuple?: []; params?: {} }
    'en.cart': { paramsTuple?: []; params?: {} }
    'en.cart.lines.store': { paramsTuple?: []; params?: {} }
    'en.cart.lines.update': { paramsTuple: [ParamValue]; params: {'variantId': ParamValue} }
    'en.cart.lines.destroy': { paramsTuple: [ParamValue]; params: {'variantId': ParamValue} }
    'en.cart.coupon.store': { paramsTuple?: []; params?: {} }
    'en.cart.coupon.destroy': { paramsTuple?: []; params?: {} }
    'en.checkout.start': { paramsTuple?: []; params?: {} }
    'en.checkout.identification': { paramsTuple?: []; params?: {} }
    'en.checkout.identification.store': { paramsTuple?: []; params?: {} }
    'en.checkout.addresses': { paramsTuple?: []; params?: {} }
    'en.checkout.addresses.store': { paramsTuple?: []; params?: {} }
    'en.checkout.delivery': { paramsTuple?: []; params?: {} }
    'en.checkout.delivery.store': { paramsTuple?: []; params?: {} }
    'en.checkout.payment': { paramsTuple?: []; params?: {} }
    'en.checkout.payment.store': { paramsTuple?: []; params?: {} }
    'en.checkout.review': { paramsTuple?: []; params?: {} }
    'en.checkout.orders.store': { paramsTuple?: []; params?: {} }
    'en.checkout.payments.return': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.checkout.payments.cancel': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.checkout.confirmation': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.checkout.confirmation.account': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.orders.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.orders.payment': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.orders.payment.store': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.orders.cart': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.orders.invoices.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'invoiceNumber': ParamValue} }
    'en.categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.legal_pages.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.legal_pages.versions.show': { paramsTuple: [ParamValue,ParamValue]; params: {'slug': ParamValue,'version': ParamValue} }
    'en.legal_pages.versions.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'slug': ParamValue,'version': ParamValue} }
    'en.legal_pages.withdrawal_form': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'en.account.login': { paramsTuple?: []; params?: {} }
    'en.account.login.store': { paramsTuple?: []; params?: {} }
    'en.account.register': { paramsTuple?: []; params?: {} }
    'en.account.register.store': { paramsTuple?: []; params?: {} }
    'en.account.logout': { paramsTuple?: []; params?: {} }
    'en.account.password_resets.create': { paramsTuple?: []; params?: {} }
    'en.account.password_resets.store': { paramsTuple?: []; params?: {} }
    'en.account.password_resets.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'en.account.password_resets.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'en.account.show': { paramsTuple?: []; params?: {} }
    'en.account.update': { paramsTuple?: []; params?: {} }
    'en.account.email.edit': { paramsTuple?: []; params?: {} }
    'en.account.email.update': { paramsTuple?: []; params?: {} }
    'en.account.password.edit': { paramsTuple?: []; params?: {} }
    'en.account.password.update': { paramsTuple?: []; params?: {} }
    'en.account.addresses.index': { paramsTuple?: []; params?: {} }
    'en.account.addresses.create': { paramsTuple?: []; params?: {} }
    'en.account.addresses.store': { paramsTuple?: []; params?: {} }
    'en.account.addresses.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.account.addresses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.account.addresses.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.account.addresses.default': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'purpose': ParamValue} }
    'en.withdrawals.create': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.withdrawals.review': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.withdrawals.store': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.cookies.show': { paramsTuple?: []; params?: {} }
    'en.cookies.store': { paramsTuple?: []; params?: {} }
    'en.newsletter.unsubscribe': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.orders.contract': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.account.privacy.show': { paramsTuple?: []; params?: {} }
    'en.account.privacy.marketing.update': { paramsTuple?: []; params?: {} }
    'en.account.privacy.export': { paramsTuple?: []; params?: {} }
    'en.account.delete': { paramsTuple?: []; params?: {} }
    'en.account.destroy': { paramsTuple?: []; params?: {} }
    'en.guarantee.create': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.guarantee.store': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.sso.start': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'en.sso.callback': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'en.account.sso.unlink': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.login': { paramsTuple?: []; params?: {} }
    'admin.login.store': { paramsTuple?: []; params?: {} }
    'admin.login.two_factor': { paramsTuple?: []; params?: {} }
    'admin.login.two_factor.store': { paramsTuple?: []; params?: {} }
    'admin.sso.start': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'admin.sso.callback': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'admin.logout': { paramsTuple?: []; params?: {} }
    'admin.dashboard': { paramsTuple?: []; params?: {} }
    'admin.catalog': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.create': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.store': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.images.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.images.arrange': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'imageId': ParamValue} }
    'admin.catalog.products.mass': { paramsTuple?: []; params?: {} }
    'admin.catalog.export': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.create': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.store': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_categories.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_categories.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.move': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.products.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.products.move': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'productId': ParamValue} }
    'admin.catalog_attributes.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_attributes.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_attributes.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attributes.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attributes.options.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_attribute_sets.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_attribute_sets.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_locations.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_locations.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_locations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_locations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_synonyms.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_synonyms.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_synonyms.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.coupons.index': { paramsTuple?: []; params?: {} }
    'admin.coupons.create': { paramsTuple?: []; params?: {} }
    'admin.coupons.store': { paramsTuple?: []; params?: {} }
    'admin.coupons.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.coupons.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.coupons.deactivate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.coupons.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.index': { paramsTuple?: []; params?: {} }
    'admin.orders.export': { paramsTuple?: []; params?: {} }
    'admin.orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.notes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.emails.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.ship_many': { paramsTuple?: []; params?: {} }
    'admin.orders.mark_paid': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.capture': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.cancel_paid': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.refunds.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.refunds.settle': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'refundId': ParamValue} }
    'admin.orders.shipments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.shipments.deliver': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'shipmentId': ParamValue} }
    'admin.customers.index': { paramsTuple?: []; params?: {} }
    'admin.customers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customers.notes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.pickup.ready': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.pickup.new_code': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.pickup.handover': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.invoices.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'invoiceId': ParamValue} }
    'admin.accounting.show': { paramsTuple?: []; params?: {} }
    'admin.accounting.journal': { paramsTuple?: []; params?: {} }
    'admin.outbox.index': { paramsTuple?: []; params?: {} }
    'admin.outbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawals.index': { paramsTuple?: []; params?: {} }
    'admin.withdrawals.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawals.create': { paramsTuple?: []; params?: {} }
    'admin.withdrawals.store': { paramsTuple?: []; params?: {} }
    'admin.withdrawals.shipped_back': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawals.received': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawals.refund_preview': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawals.refund': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.settings.withdrawals.update': { paramsTuple?: []; params?: {} }
    'admin.privacy.index': { paramsTuple?: []; params?: {} }
    'admin.privacy.contract': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'admin.customers.privacy.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customers.privacy.requests.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customers.privacy.requests.extend': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'requestId': ParamValue} }
    'admin.customers.privacy.requests.complete': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'requestId': ParamValue} }
    'admin.customers.privacy.export': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customers.privacy.erase': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.promotions.index': { paramsTuple?: []; params?: {} }
    'admin.promotions.create': { paramsTuple?: []; params?: {} }
    'admin.promotions.store': { paramsTuple?: []; params?: {} }
    'admin.promotions.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.promotions.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.promotions.stop': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.promotions.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.soldes.show': { paramsTuple?: []; params?: {} }
    'admin.customer_groups.index': { paramsTuple?: []; params?: {} }
    'admin.customer_groups.store': { paramsTuple?: []; params?: {} }
    'admin.customer_groups.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customer_groups.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customer_groups.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customers.groups.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.soldes.periods.store': { paramsTuple?: []; params?: {} }
    'admin.soldes.periods.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.guarantee_claims.index': { paramsTuple?: []; params?: {} }
    'admin.guarantee_claims.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.guarantee_claims.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.guarantee_claims.refuse': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.guarantee_claims.resolve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.guarantee_claims.close': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.security.show': { paramsTuple?: []; params?: {} }
    'admin.security.refresh': { paramsTuple?: []; params?: {} }
    'admin.security.evidence.csv': { paramsTuple?: []; params?: {} }
    'admin.security.evidence.pdf': { paramsTuple?: []; params?: {} }
    'admin.account.security.show': { paramsTuple?: []; params?: {} }
    'admin.account.security.enrol': { paramsTuple?: []; params?: {} }
    'admin.account.security.confirm': { paramsTuple?: []; params?: {} }
    'admin.account.security.recovery_codes': { paramsTuple?: []; params?: {} }
    'admin.account.security.disable': { paramsTuple?: []; params?: {} }
    'admin.settings.two_factor.update': { paramsTuple?: []; params?: {} }
    'admin.sso.edit': { paramsTuple?: []; params?: {} }
    'admin.sso.update': { paramsTuple?: []; params?: {} }
    'admin.settings.edit': { paramsTuple?: []; params?: {} }
    'admin.settings.update': { paramsTuple?: []; params?: {} }
    'admin.settings.identity.update': { paramsTuple?: []; params?: {} }
    'admin.legal.index': { paramsTuple?: []; params?: {} }
    'admin.legal.edit': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'admin.legal.draft.update': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'admin.legal.versions.store': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'admin.legal.template.store': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'admin.plugins.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.patches.apply': { paramsTuple?: []; params?: {} }
    'admin.plugins.show': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.plugins.settings.update': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.plugins.enable': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.plugins.disable': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.maintenance.show': { paramsTuple?: []; params?: {} }
    'admin.maintenance.update': { paramsTuple?: []; params?: {} }
    'admin.maintenance.destroy': { paramsTuple?: []; params?: {} }
    'fr.plugins.payment-stripe.cards.remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.plugins.payment-stripe.cards.remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.shipping-click-collect.stores.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-click-collect.stores.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.shipping-click-collect.stores.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.plugins.shipping-click-collect.availability': { paramsTuple?: []; params?: {} }
    'fr.plugins.shipping-click-collect.store': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'fr.plugins.shipping-click-collect.stock_alerts.store': { paramsTuple?: []; params?: {} }
    'en.plugins.shipping-click-collect.availability': { paramsTuple?: []; params?: {} }
    'en.plugins.shipping-click-collect.store': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'en.plugins.shipping-click-collect.stock_alerts.store': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.store': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.export': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.import': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.shipping-table-rates.rates.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.shipping-table-rates.rates.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.sso-oidc.providers.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.sso-oidc.providers.create': { paramsTuple?: []; params?: {} }
    'admin.plugins.sso-oidc.providers.store': { paramsTuple?: []; params?: {} }
    'admin.plugins.sso-oidc.providers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.sso-oidc.providers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.sso-oidc.providers.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  GET: {
    'health': { paramsTuple?: []; params?: {} }
    'sitemap': { paramsTuple?: []; params?: {} }
    'robots': { paramsTuple?: []; params?: {} }
    'media': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'fr.home': { paramsTuple?: []; params?: {} }
    'fr.search': { paramsTuple?: []; params?: {} }
    'fr.cart': { paramsTuple?: []; params?: {} }
    'fr.checkout.start': { paramsTuple?: []; params?: {} }
    'fr.checkout.identification': { paramsTuple?: []; params?: {} }
    'fr.checkout.addresses': { paramsTuple?: []; params?: {} }
    'fr.checkout.delivery': { paramsTuple?: []; params?: {} }
    'fr.checkout.payment': { paramsTuple?: []; params?: {} }
    'fr.checkout.review': { paramsTuple?: []; params?: {} }
    'fr.checkout.payments.return': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.checkout.payments.cancel': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.checkout.confirmation': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.orders.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.orders.payment': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.orders.invoices.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'invoiceNumber': ParamValue} }
    'fr.categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.legal_pages.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.legal_pages.versions.show': { paramsTuple: [ParamValue,ParamValue]; params: {'slug': ParamValue,'version': ParamValue} }
    'fr.legal_pages.versions.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'slug': ParamValue,'version': ParamValue} }
    'fr.legal_pages.withdrawal_form': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'fr.account.login': { paramsTuple?: []; params?: {} }
    'fr.account.register': { paramsTuple?: []; params?: {} }
    'fr.account.password_resets.create': { paramsTuple?: []; params?: {} }
    'fr.account.password_resets.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'fr.account.show': { paramsTuple?: []; params?: {} }
    'fr.account.email.edit': { paramsTuple?: []; params?: {} }
    'fr.account.password.edit': { paramsTuple?: []; params?: {} }
    'fr.account.addresses.index': { paramsTuple?: []; params?: {} }
    'fr.account.addresses.create': { paramsTuple?: []; params?: {} }
    'fr.account.addresses.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.withdrawals.create': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.cookies.show': { paramsTuple?: []; params?: {} }
    'fr.newsletter.unsubscribe': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.orders.contract': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.account.privacy.show': { paramsTuple?: []; params?: {} }
    'fr.account.privacy.export': { paramsTuple?: []; params?: {} }
    'fr.account.delete': { paramsTuple?: []; params?: {} }
    'fr.guarantee.create': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.sso.start': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'fr.sso.callback': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'en.home': { paramsTuple?: []; params?: {} }
    'en.search': { paramsTuple?: []; params?: {} }
    'en.cart': { paramsTuple?: []; params?: {} }
    'en.checkout.start': { paramsTuple?: []; params?: {} }
    'en.checkout.identification': { paramsTuple?: []; params?: {} }
    'en.checkout.addresses': { paramsTuple?: []; params?: {} }
    'en.checkout.delivery': { paramsTuple?: []; params?: {} }
    'en.checkout.payment': { paramsTuple?: []; params?: {} }
    'en.checkout.review': { paramsTuple?: []; params?: {} }
    'en.checkout.payments.return': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.checkout.payments.cancel': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.checkout.confirmation': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.orders.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.orders.payment': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.orders.invoices.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'invoiceNumber': ParamValue} }
    'en.categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.legal_pages.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.legal_pages.versions.show': { paramsTuple: [ParamValue,ParamValue]; params: {'slug': ParamValue,'version': ParamValue} }
    'en.legal_pages.versions.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'slug': ParamValue,'version': ParamValue} }
    'en.legal_pages.withdrawal_form': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'en.account.login': { paramsTuple?: []; params?: {} }
    'en.account.register': { paramsTuple?: []; params?: {} }
    'en.account.password_resets.create': { paramsTuple?: []; params?: {} }
    'en.account.password_resets.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'en.account.show': { paramsTuple?: []; params?: {} }
    'en.account.email.edit': { paramsTuple?: []; params?: {} }
    'en.account.password.edit': { paramsTuple?: []; params?: {} }
    'en.account.addresses.index': { paramsTuple?: []; params?: {} }
    'en.account.addresses.create': { paramsTuple?: []; params?: {} }
    'en.account.addresses.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.withdrawals.create': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.cookies.show': { paramsTuple?: []; params?: {} }
    'en.newsletter.unsubscribe': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.orders.contract': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.account.privacy.show': { paramsTuple?: []; params?: {} }
    'en.account.privacy.export': { paramsTuple?: []; params?: {} }
    'en.account.delete': { paramsTuple?: []; params?: {} }
    'en.guarantee.create': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.sso.start': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'en.sso.callback': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'admin.login': { paramsTuple?: []; params?: {} }
    'admin.login.two_factor': { paramsTuple?: []; params?: {} }
    'admin.sso.start': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'admin.sso.callback': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'admin.dashboard': { paramsTuple?: []; params?: {} }
    'admin.catalog': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.create': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.export': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.create': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_categories.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.products.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attributes.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_attributes.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_attribute_sets.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_locations.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_locations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_synonyms.index': { paramsTuple?: []; params?: {} }
    'admin.coupons.index': { paramsTuple?: []; params?: {} }
    'admin.coupons.create': { paramsTuple?: []; params?: {} }
    'admin.coupons.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.index': { paramsTuple?: []; params?: {} }
    'admin.orders.export': { paramsTuple?: []; params?: {} }
    'admin.orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customers.index': { paramsTuple?: []; params?: {} }
    'admin.customers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.invoices.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'invoiceId': ParamValue} }
    'admin.accounting.show': { paramsTuple?: []; params?: {} }
    'admin.accounting.journal': { paramsTuple?: []; params?: {} }
    'admin.outbox.index': { paramsTuple?: []; params?: {} }
    'admin.outbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawals.index': { paramsTuple?: []; params?: {} }
    'admin.withdrawals.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawals.create': { paramsTuple?: []; params?: {} }
    'admin.privacy.index': { paramsTuple?: []; params?: {} }
    'admin.privacy.contract': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'admin.customers.privacy.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customers.privacy.export': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.promotions.index': { paramsTuple?: []; params?: {} }
    'admin.promotions.create': { paramsTuple?: []; params?: {} }
    'admin.promotions.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.soldes.show': { paramsTuple?: []; params?: {} }
    'admin.customer_groups.index': { paramsTuple?: []; params?: {} }
    'admin.customer_groups.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.guarantee_claims.index': { paramsTuple?: []; params?: {} }
    'admin.guarantee_claims.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.security.show': { paramsTuple?: []; params?: {} }
    'admin.security.evidence.csv': { paramsTuple?: []; params?: {} }
    'admin.security.evidence.pdf': { paramsTuple?: []; params?: {} }
    'admin.account.security.show': { paramsTuple?: []; params?: {} }
    'admin.sso.edit': { paramsTuple?: []; params?: {} }
    'admin.settings.edit': { paramsTuple?: []; params?: {} }
    'admin.legal.index': { paramsTuple?: []; params?: {} }
    'admin.legal.edit': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'admin.plugins.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.show': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.maintenance.show': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-click-collect.stores.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-click-collect.stores.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.plugins.shipping-click-collect.availability': { paramsTuple?: []; params?: {} }
    'fr.plugins.shipping-click-collect.store': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'en.plugins.shipping-click-collect.availability': { paramsTuple?: []; params?: {} }
    'en.plugins.shipping-click-collect.store': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'admin.plugins.shipping-table-rates.rates.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.export': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.sso-oidc.providers.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.sso-oidc.providers.create': { paramsTuple?: []; params?: {} }
    'admin.plugins.sso-oidc.providers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  HEAD: {
    'health': { paramsTuple?: []; params?: {} }
    'sitemap': { paramsTuple?: []; params?: {} }
    'robots': { paramsTuple?: []; params?: {} }
    'media': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'fr.home': { paramsTuple?: []; params?: {} }
    'fr.search': { paramsTuple?: []; params?: {} }
    'fr.cart': { paramsTuple?: []; params?: {} }
    'fr.checkout.start': { paramsTuple?: []; params?: {} }
    'fr.checkout.identification': { paramsTuple?: []; params?: {} }
    'fr.checkout.addresses': { paramsTuple?: []; params?: {} }
    'fr.checkout.delivery': { paramsTuple?: []; params?: {} }
    'fr.checkout.payment': { paramsTuple?: []; params?: {} }
    'fr.checkout.review': { paramsTuple?: []; params?: {} }
    'fr.checkout.payments.return': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.checkout.payments.cancel': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.checkout.confirmation': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.orders.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.orders.payment': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.orders.invoices.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'invoiceNumber': ParamValue} }
    'fr.categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.legal_pages.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'fr.legal_pages.versions.show': { paramsTuple: [ParamValue,ParamValue]; params: {'slug': ParamValue,'version': ParamValue} }
    'fr.legal_pages.versions.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'slug': ParamValue,'version': ParamValue} }
    'fr.legal_pages.withdrawal_form': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'fr.account.login': { paramsTuple?: []; params?: {} }
    'fr.account.register': { paramsTuple?: []; params?: {} }
    'fr.account.password_resets.create': { paramsTuple?: []; params?: {} }
    'fr.account.password_resets.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'fr.account.show': { paramsTuple?: []; params?: {} }
    'fr.account.email.edit': { paramsTuple?: []; params?: {} }
    'fr.account.password.edit': { paramsTuple?: []; params?: {} }
    'fr.account.addresses.index': { paramsTuple?: []; params?: {} }
    'fr.account.addresses.create': { paramsTuple?: []; params?: {} }
    'fr.account.addresses.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.withdrawals.create': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.cookies.show': { paramsTuple?: []; params?: {} }
    'fr.newsletter.unsubscribe': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.orders.contract': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.account.privacy.show': { paramsTuple?: []; params?: {} }
    'fr.account.privacy.export': { paramsTuple?: []; params?: {} }
    'fr.account.delete': { paramsTuple?: []; params?: {} }
    'fr.guarantee.create': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.sso.start': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'fr.sso.callback': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'en.home': { paramsTuple?: []; params?: {} }
    'en.search': { paramsTuple?: []; params?: {} }
    'en.cart': { paramsTuple?: []; params?: {} }
    'en.checkout.start': { paramsTuple?: []; params?: {} }
    'en.checkout.identification': { paramsTuple?: []; params?: {} }
    'en.checkout.addresses': { paramsTuple?: []; params?: {} }
    'en.checkout.delivery': { paramsTuple?: []; params?: {} }
    'en.checkout.payment': { paramsTuple?: []; params?: {} }
    'en.checkout.review': { paramsTuple?: []; params?: {} }
    'en.checkout.payments.return': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.checkout.payments.cancel': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.checkout.confirmation': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.orders.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.orders.payment': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.orders.invoices.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'invoiceNumber': ParamValue} }
    'en.categories.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.products.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.legal_pages.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'en.legal_pages.versions.show': { paramsTuple: [ParamValue,ParamValue]; params: {'slug': ParamValue,'version': ParamValue} }
    'en.legal_pages.versions.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'slug': ParamValue,'version': ParamValue} }
    'en.legal_pages.withdrawal_form': { paramsTuple: [ParamValue]; params: {'file': ParamValue} }
    'en.account.login': { paramsTuple?: []; params?: {} }
    'en.account.register': { paramsTuple?: []; params?: {} }
    'en.account.password_resets.create': { paramsTuple?: []; params?: {} }
    'en.account.password_resets.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'en.account.show': { paramsTuple?: []; params?: {} }
    'en.account.email.edit': { paramsTuple?: []; params?: {} }
    'en.account.password.edit': { paramsTuple?: []; params?: {} }
    'en.account.addresses.index': { paramsTuple?: []; params?: {} }
    'en.account.addresses.create': { paramsTuple?: []; params?: {} }
    'en.account.addresses.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.withdrawals.create': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.cookies.show': { paramsTuple?: []; params?: {} }
    'en.newsletter.unsubscribe': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.orders.contract': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.account.privacy.show': { paramsTuple?: []; params?: {} }
    'en.account.privacy.export': { paramsTuple?: []; params?: {} }
    'en.account.delete': { paramsTuple?: []; params?: {} }
    'en.guarantee.create': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.sso.start': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'en.sso.callback': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'admin.login': { paramsTuple?: []; params?: {} }
    'admin.login.two_factor': { paramsTuple?: []; params?: {} }
    'admin.sso.start': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'admin.sso.callback': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'admin.dashboard': { paramsTuple?: []; params?: {} }
    'admin.catalog': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.create': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.export': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.create': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_categories.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.products.index': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attributes.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_attributes.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_attribute_sets.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_locations.index': { paramsTuple?: []; params?: {} }
    'admin.catalog_locations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_synonyms.index': { paramsTuple?: []; params?: {} }
    'admin.coupons.index': { paramsTuple?: []; params?: {} }
    'admin.coupons.create': { paramsTuple?: []; params?: {} }
    'admin.coupons.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.index': { paramsTuple?: []; params?: {} }
    'admin.orders.export': { paramsTuple?: []; params?: {} }
    'admin.orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customers.index': { paramsTuple?: []; params?: {} }
    'admin.customers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.invoices.pdf': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'invoiceId': ParamValue} }
    'admin.accounting.show': { paramsTuple?: []; params?: {} }
    'admin.accounting.journal': { paramsTuple?: []; params?: {} }
    'admin.outbox.index': { paramsTuple?: []; params?: {} }
    'admin.outbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawals.index': { paramsTuple?: []; params?: {} }
    'admin.withdrawals.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawals.create': { paramsTuple?: []; params?: {} }
    'admin.privacy.index': { paramsTuple?: []; params?: {} }
    'admin.privacy.contract': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'admin.customers.privacy.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customers.privacy.export': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.promotions.index': { paramsTuple?: []; params?: {} }
    'admin.promotions.create': { paramsTuple?: []; params?: {} }
    'admin.promotions.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.soldes.show': { paramsTuple?: []; params?: {} }
    'admin.customer_groups.index': { paramsTuple?: []; params?: {} }
    'admin.customer_groups.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.guarantee_claims.index': { paramsTuple?: []; params?: {} }
    'admin.guarantee_claims.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.security.show': { paramsTuple?: []; params?: {} }
    'admin.security.evidence.csv': { paramsTuple?: []; params?: {} }
    'admin.security.evidence.pdf': { paramsTuple?: []; params?: {} }
    'admin.account.security.show': { paramsTuple?: []; params?: {} }
    'admin.sso.edit': { paramsTuple?: []; params?: {} }
    'admin.settings.edit': { paramsTuple?: []; params?: {} }
    'admin.legal.index': { paramsTuple?: []; params?: {} }
    'admin.legal.edit': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'admin.plugins.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.show': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.maintenance.show': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-click-collect.stores.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-click-collect.stores.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.plugins.shipping-click-collect.availability': { paramsTuple?: []; params?: {} }
    'fr.plugins.shipping-click-collect.store': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'en.plugins.shipping-click-collect.availability': { paramsTuple?: []; params?: {} }
    'en.plugins.shipping-click-collect.store': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'admin.plugins.shipping-table-rates.rates.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.export': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.sso-oidc.providers.index': { paramsTuple?: []; params?: {} }
    'admin.plugins.sso-oidc.providers.create': { paramsTuple?: []; params?: {} }
    'admin.plugins.sso-oidc.providers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  POST: {
    'payments.notifications': { paramsTuple: [ParamValue]; params: {'code': ParamValue} }
    'fr.cart.lines.store': { paramsTuple?: []; params?: {} }
    'fr.cart.coupon.store': { paramsTuple?: []; params?: {} }
    'fr.checkout.identification.store': { paramsTuple?: []; params?: {} }
    'fr.checkout.addresses.store': { paramsTuple?: []; params?: {} }
    'fr.checkout.delivery.store': { paramsTuple?: []; params?: {} }
    'fr.checkout.payment.store': { paramsTuple?: []; params?: {} }
    'fr.checkout.orders.store': { paramsTuple?: []; params?: {} }
    'fr.checkout.confirmation.account': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.orders.payment.store': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.orders.cart': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.account.login.store': { paramsTuple?: []; params?: {} }
    'fr.account.register.store': { paramsTuple?: []; params?: {} }
    'fr.account.logout': { paramsTuple?: []; params?: {} }
    'fr.account.password_resets.store': { paramsTuple?: []; params?: {} }
    'fr.account.password_resets.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'fr.account.addresses.store': { paramsTuple?: []; params?: {} }
    'fr.withdrawals.review': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.withdrawals.store': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.cookies.store': { paramsTuple?: []; params?: {} }
    'fr.guarantee.store': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'fr.account.sso.unlink': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.cart.lines.store': { paramsTuple?: []; params?: {} }
    'en.cart.coupon.store': { paramsTuple?: []; params?: {} }
    'en.checkout.identification.store': { paramsTuple?: []; params?: {} }
    'en.checkout.addresses.store': { paramsTuple?: []; params?: {} }
    'en.checkout.delivery.store': { paramsTuple?: []; params?: {} }
    'en.checkout.payment.store': { paramsTuple?: []; params?: {} }
    'en.checkout.orders.store': { paramsTuple?: []; params?: {} }
    'en.checkout.confirmation.account': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.orders.payment.store': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.orders.cart': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.account.login.store': { paramsTuple?: []; params?: {} }
    'en.account.register.store': { paramsTuple?: []; params?: {} }
    'en.account.logout': { paramsTuple?: []; params?: {} }
    'en.account.password_resets.store': { paramsTuple?: []; params?: {} }
    'en.account.password_resets.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'en.account.addresses.store': { paramsTuple?: []; params?: {} }
    'en.withdrawals.review': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.withdrawals.store': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.cookies.store': { paramsTuple?: []; params?: {} }
    'en.guarantee.store': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'en.account.sso.unlink': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.login.store': { paramsTuple?: []; params?: {} }
    'admin.login.two_factor.store': { paramsTuple?: []; params?: {} }
    'admin.logout': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.store': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.images.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.mass': { paramsTuple?: []; params?: {} }
    'admin.catalog.imports.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_categories.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_attributes.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_attributes.options.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_locations.store': { paramsTuple?: []; params?: {} }
    'admin.catalog_synonyms.store': { paramsTuple?: []; params?: {} }
    'admin.coupons.store': { paramsTuple?: []; params?: {} }
    'admin.coupons.deactivate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.notes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.emails.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.ship_many': { paramsTuple?: []; params?: {} }
    'admin.orders.mark_paid': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.capture': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.cancel_paid': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.refunds.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.refunds.settle': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'refundId': ParamValue} }
    'admin.orders.shipments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.shipments.deliver': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'shipmentId': ParamValue} }
    'admin.customers.notes.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.pickup.ready': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.pickup.new_code': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.orders.pickup.handover': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawals.store': { paramsTuple?: []; params?: {} }
    'admin.withdrawals.shipped_back': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawals.received': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawals.refund_preview': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.withdrawals.refund': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customers.privacy.requests.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customers.privacy.requests.extend': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'requestId': ParamValue} }
    'admin.customers.privacy.requests.complete': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'requestId': ParamValue} }
    'admin.customers.privacy.erase': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.promotions.store': { paramsTuple?: []; params?: {} }
    'admin.promotions.stop': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customer_groups.store': { paramsTuple?: []; params?: {} }
    'admin.soldes.periods.store': { paramsTuple?: []; params?: {} }
    'admin.guarantee_claims.accept': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.guarantee_claims.refuse': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.guarantee_claims.resolve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.guarantee_claims.close': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.security.refresh': { paramsTuple?: []; params?: {} }
    'admin.account.security.enrol': { paramsTuple?: []; params?: {} }
    'admin.account.security.confirm': { paramsTuple?: []; params?: {} }
    'admin.account.security.recovery_codes': { paramsTuple?: []; params?: {} }
    'admin.legal.versions.store': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'admin.legal.template.store': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'admin.plugins.patches.apply': { paramsTuple?: []; params?: {} }
    'admin.plugins.enable': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.plugins.disable': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'fr.plugins.payment-stripe.cards.remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.plugins.payment-stripe.cards.remove': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.plugins.shipping-click-collect.stock_alerts.store': { paramsTuple?: []; params?: {} }
    'en.plugins.shipping-click-collect.stock_alerts.store': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.store': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.import': { paramsTuple?: []; params?: {} }
    'admin.plugins.sso-oidc.providers.store': { paramsTuple?: []; params?: {} }
  }
  PUT: {
    'fr.cart.lines.update': { paramsTuple: [ParamValue]; params: {'variantId': ParamValue} }
    'fr.account.update': { paramsTuple?: []; params?: {} }
    'fr.account.email.update': { paramsTuple?: []; params?: {} }
    'fr.account.password.update': { paramsTuple?: []; params?: {} }
    'fr.account.addresses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.account.addresses.default': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'purpose': ParamValue} }
    'fr.account.privacy.marketing.update': { paramsTuple?: []; params?: {} }
    'en.cart.lines.update': { paramsTuple: [ParamValue]; params: {'variantId': ParamValue} }
    'en.account.update': { paramsTuple?: []; params?: {} }
    'en.account.email.update': { paramsTuple?: []; params?: {} }
    'en.account.password.update': { paramsTuple?: []; params?: {} }
    'en.account.addresses.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.account.addresses.default': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'purpose': ParamValue} }
    'en.account.privacy.marketing.update': { paramsTuple?: []; params?: {} }
    'admin.catalog.products.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog.products.images.arrange': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'imageId': ParamValue} }
    'admin.catalog_categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.move': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_categories.products.move': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'productId': ParamValue} }
    'admin.catalog_attributes.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_locations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.coupons.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.settings.withdrawals.update': { paramsTuple?: []; params?: {} }
    'admin.promotions.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customer_groups.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customers.groups.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.settings.two_factor.update': { paramsTuple?: []; params?: {} }
    'admin.sso.update': { paramsTuple?: []; params?: {} }
    'admin.settings.update': { paramsTuple?: []; params?: {} }
    'admin.settings.identity.update': { paramsTuple?: []; params?: {} }
    'admin.legal.draft.update': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'admin.plugins.settings.update': { paramsTuple: [ParamValue]; params: {'name': ParamValue} }
    'admin.maintenance.update': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-click-collect.stores.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.shipping-table-rates.rates.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.sso-oidc.providers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  DELETE: {
    'fr.cart.lines.destroy': { paramsTuple: [ParamValue]; params: {'variantId': ParamValue} }
    'fr.cart.coupon.destroy': { paramsTuple?: []; params?: {} }
    'fr.account.addresses.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fr.account.destroy': { paramsTuple?: []; params?: {} }
    'en.cart.lines.destroy': { paramsTuple: [ParamValue]; params: {'variantId': ParamValue} }
    'en.cart.coupon.destroy': { paramsTuple?: []; params?: {} }
    'en.account.addresses.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'en.account.destroy': { paramsTuple?: []; params?: {} }
    'admin.catalog_synonyms.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.coupons.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.promotions.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.customer_groups.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.soldes.periods.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.account.security.disable': { paramsTuple?: []; params?: {} }
    'admin.maintenance.destroy': { paramsTuple?: []; params?: {} }
    'admin.plugins.shipping-table-rates.rates.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.plugins.sso-oidc.providers.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  PATCH: {
    'admin.catalog_categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attributes.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_attribute_sets.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'admin.catalog_locations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}