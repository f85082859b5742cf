import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { timeZone } from '#config/app'
import { countryOptions } from '#domain/countries'
import { ORDER_STATUSES } from '#domain/order_status'
import AdminOrderGrid, {
  ORDER_GRID_SORTS,
  TO_SHIP,
  type OrderGridQuery,
} from '#services/orders/admin_order_grid'
import AdminOrderView from '#services/orders/admin_order_view'
import OrderCsvExporter from '#services/orders/order_csv_exporter'
import { actorName } from '#support/order_texts'
import { isoDay, orderGridValidator } from '#validators/admin_order'

/**
 * The back office's orders: the grid with its CSV export, and one order's page.
 */
export default class OrdersController {
  @inject()
  async index({ request, view, i18n, bouncer }: HttpContext, grid: AdminOrderGrid) {
    const filters = await this.filters(request)
    const orders = await grid.run(filters)
    orders.baseUrl(request.url()).queryString(request.qs())
    return view.render('pages/admin/orders/index', {
      orders,
      filters,
      methods: await grid.methods(),
      statuses: [TO_SHIP, ...ORDER_STATUSES],
      sorts: ORDER_GRID_SORTS,
      countries: countryOptions(i18n.locale),
      canManage: await bouncer.allows('useBackOffice', 'orders.manage'),
      exportQuery: new URLSearchParams(
        Object.entries(request.qs()).filter(([key]) => key !== 'page')
      ).toString(),
    })
  }

  @inject()
  async export({ request, response, i18n }: HttpContext, exporter: OrderCsvExporter) {
    const filters = await this.filters(request)
    const name = `commandes-${DateTime.now().toFormat('yyyy-LL-dd')}.csv`
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', `attachment; filename="${name}"`)
    return response.stream(exporter.stream(filters, i18n))
  }

  @inject()
  async show({ params, view, bouncer, i18n }: HttpContext, orders: AdminOrderView) {
    const page = await orders.load(Number(params.id))
    return view.render('pages/admin/orders/show', {
      ...page,
      canManage: await bouncer.allows('useBackOffice', 'orders.manage'),
      actorName: (label: string) => actorName(i18n, label),
      timeZone,
      today: DateTime.now().setZone(timeZone).toISODate(),
    })
  }

  private async filters(request: HttpContext['request']): Promise<OrderGridQuery> {
    const values = await request.validateUsing(orderGridValidator, { data: request.qs() })
    return {
      ...values,
      from: values.from ? isoDay(values.from) : undefined,
      to: values.to ? isoDay(values.to) : undefined,
      sort: values.sort ?? 'date_desc',
      page: values.page ?? 1,
    }
  }
}
