import { inject } from '@adonisjs/core'
import { adminActor } from '#support/admin_actor'
import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import ProductForm, {
  type ProductFormChoices,
  type ProductFormData,
} from '#services/catalog/product_form'
import ProductService from '#services/catalog/product_service'
import { errors as vineErrors } from '@vinejs/vine'
import { productFormValidator } from '#validators/product_form'

function fieldErrors(messages: { field: string; message: string }[]) {
  const errors: Record<string, string[]> = {}
  for (const { field, message } of messages) (errors[field] ??= []).push(message)
  return errors
}

/**
 * Creating and editing products in the back office. The form works without
 * JavaScript: the variants generator is a second submit button that sends the
 * form back with the generated rows added, nothing saved yet.
 */
@inject()
export default class ProductFormsController {
  constructor(
    protected form: ProductForm,
    protected products: ProductService
  ) {}

  async create(ctx: HttpContext) {
    return this.render(ctx, null, this.previousSubmission(ctx) ?? this.form.empty())
  }

  async edit(ctx: HttpContext) {
    const product = await this.load(ctx.params.id)
    const choices = await this.form.choices(ctx.i18n.locale)
    return this.render(
      ctx,
      product.id,
      this.previousSubmission(ctx) ??
        this.form.fromProduct(product, choices, await this.form.relatedSkus(product.id)),
      choices
    )
  }

  async store(ctx: HttpContext) {
    return this.save(ctx, null)
  }

  async update(ctx: HttpContext) {
    const product = await Product.findOrFail(ctx.params.id)
    return this.save(ctx, product.id)
  }

  private async save(ctx: HttpContext, productId: number | null) {
    const { request, response, session, i18n } = ctx
    const body = request.all()
    const choices = await this.form.choices(i18n.locale)

    if (body.action === 'generate') {
      const generated = this.form.generate(
        this.form.fromSubmission(body),
        {
          baseSku: String(body.generator?.sku ?? ''),
          price: String(body.generator?.price ?? ''),
          optionIds: body.generator?.options ?? {},
        },
        choices.variantAttributes
      )
      return this.render(ctx, productId, generated, choices)
    }

    /**
     * Errors go back to the form's own page: after the generator the browser is
     * on the POST URL, which has no page to go "back" to.
     */
    const backToForm = (errors: Record<string, string[]>) => {
      session.flashAll()
      session.flash('inputErrorsBag', errors)
      return productId
        ? response.redirect().toRoute('admin.catalog.products.edit', { id: productId })
        : response.redirect().toRoute('admin.catalog.products.create')
    }

    let values
    try {
      values = await request.validateUsing(productFormValidator, { meta: { productId } })
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      return backToForm(fieldErrors(error.messages))
    }
    const mapped = this.form.toInput(values, choices, {
      number: i18n.t('admin.catalog.form.invalid_number'),
      option: i18n.t('admin.catalog.form.invalid_option'),
    })
    if ('errors' in mapped) return backToForm(mapped.errors)
    const related = await this.form.resolveRelated(values.related)
    if ('unknown' in related) {
      return backToForm({
        related: [i18n.t('admin.catalog.form.unknown_skus', { skus: related.unknown.join(', ') })],
      })
    }
    mapped.input.relatedProductIds = related.ids

    const actor = adminActor(ctx)
    const product = productId
      ? await this.products.update(productId, mapped.input, actor)
      : await this.products.create(mapped.input, actor)
    session.flash('success', i18n.t('admin.catalog.form.saved'))
    return response.redirect().toRoute('admin.catalog.products.show', { id: product.id })
  }

  /**
   * After a validation error the form is shown again as the merchant typed it.
   */
  private previousSubmission({ session }: HttpContext): ProductFormData | null {
    const old = session.flashMessages.all()
    return old.translations ? this.form.fromSubmission(old) : null
  }

  private async load(id: number) {
    return Product.query()
      .where('id', id)
      .preload('translations')
      .preload('categories')
      .preload('attributeValues')
      .preload('variants', (query) =>
        query.orderBy('position').preload('optionValues').preload('stockLevels')
      )
      .firstOrFail()
  }

  private async render(
    ctx: HttpContext,
    productId: number | null,
    form: ProductFormData,
    choices?: ProductFormChoices
  ) {
    const formChoices = choices ?? (await this.form.choices(ctx.i18n.locale))
    return ctx.view.render('pages/admin/catalog/form', {
      productId,
      form,
      ...formChoices,
      characteristics: this.form.characteristicsOf(formChoices, form.attribute_set_id),
    })
  }
}
