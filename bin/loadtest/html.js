/*
| Just enough HTML reading for a shopper that behaves like a browser without
| JavaScript: the links on a page, and its forms with the values a browser
| would submit (hidden _csrf field included).
*/

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1))
      return Number.isFinite(code) ? String.fromCodePoint(code) : match
    }
    return ENTITIES[entity.toLowerCase()] ?? match
  })
}

/** The attributes of a start tag's source (`<input type="x" checked>`), names lowercased. */
export function parseAttributes(tag) {
  const attributes = {}
  const body = tag.replace(/^<[a-z0-9-]+/i, '').replace(/\/?>$/, '')
  for (const [, name, double, single, bare] of body.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    attributes[name.toLowerCase()] = decodeEntities(double ?? single ?? bare ?? '')
  }
  return attributes
}

function classes(attributes) {
  return (attributes.class ?? '').split(/\s+/).filter(Boolean)
}

function text(html) {
  return decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim()
}

/** Every `<a href>` of the page: { href, text, classes }. */
export function extractLinks(html) {
  return [...html.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/gi)].map((match) => {
    const attributes = parseAttributes(match[0].slice(0, match[0].indexOf('>') + 1))
    return { href: attributes.href ?? null, text: text(match[1]), classes: classes(attributes) }
  }).filter((link) => link.href)
}

/**
 * The controls of a form: inputs, selects (their selected option, or the
 * first), textareas and buttons. A checkbox or radio carries its label text
 * (what follows it up to `</label>`).
 */
function parseControls(inner) {
  const controls = []
  const pattern = /<(input|button|select|textarea)\b[^>]*>/gi
  for (const match of inner.matchAll(pattern)) {
    const tag = match[1].toLowerCase()
    const attributes = parseAttributes(match[0])
    const after = inner.slice(match.index + match[0].length)
    const control = {
      tag,
      name: attributes.name ?? null,
      type: (attributes.type ?? (tag === 'button' ? 'submit' : tag === 'input' ? 'text' : tag)).toLowerCase(),
      value: attributes.value ?? '',
      checked: 'checked' in attributes,
      disabled: 'disabled' in attributes,
      id: attributes.id ?? null,
      classes: classes(attributes),
    }
    if (tag === 'input' && ['checkbox', 'radio'].includes(control.type)) {
      const end = after.search(/<\/label>|<input\b/i)
      control.label = text(end === -1 ? '' : after.slice(0, end))
      if (control.value === '' && !('value' in attributes)) control.value = 'on'
    }
    if (tag === 'select') {
      const body = after.slice(0, after.search(/<\/select>/i))
      control.options = [...body.matchAll(/<option\b[^>]*>([\s\S]*?)(?=<option\b|$)/gi)].map((option) => {
        const optionAttributes = parseAttributes(option[0].slice(0, option[0].indexOf('>') + 1))
        const label = text(option[1].replace(/<\/option>[\s\S]*$/i, ''))
        return { value: optionAttributes.value ?? label, label, selected: 'selected' in optionAttributes }
      })
      const selected = control.options.find((option) => option.selected) ?? control.options[0]
      control.value = selected?.value ?? ''
    }
    if (tag === 'textarea') {
      control.value = decodeEntities(after.slice(0, after.search(/<\/textarea>/i)))
    }
    controls.push(control)
  }
  return controls
}

/** Every form of the page: { action (absolute), method, classes, controls }. */
export function extractForms(html, pageUrl) {
  return [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/gi)].map((match) => {
    const attributes = parseAttributes(match[0].slice(0, match[0].indexOf('>') + 1))
    return {
      action: new URL(attributes.action ?? '', pageUrl).href,
      method: (attributes.method ?? 'get').toUpperCase(),
      classes: classes(attributes),
      controls: parseControls(match[1]),
    }
  })
}

/** The first form whose action path ends with `suffix` (query string ignored). */
export function findForm(forms, suffix, method) {
  return forms.find((form) => new URL(form.action).pathname.endsWith(suffix) && (!method || form.method === method)) ?? null
}

/**
 * Fills a form as a shopper types and clicks: a text field gets the value, a
 * radio group selects the given value (false when no radio has it), a
 * checkbox named `name` or `name=value` is ticked (true) or cleared (false).
 * Returns a new form; throws when a field is not on the form.
 */
export function fillForm(form, values) {
  const controls = form.controls.map((control) => ({ ...control }))
  for (const [key, value] of Object.entries(values)) {
    const [name, checkboxValue] = key.split('=')
    const named = controls.filter((control) => control.name === name)
    if (!named.length) throw new Error(`The form ${form.action} has no field "${name}"`)
    for (const control of named) {
      if (control.type === 'radio') control.checked = control.value === String(value)
      else if (control.type === 'checkbox') {
        if (checkboxValue === undefined || control.value === checkboxValue) control.checked = Boolean(value)
      } else control.value = String(value)
    }
    if (named[0].type === 'radio' && !named.some((control) => control.checked)) {
      throw new Error(`The form ${form.action} offers no "${value}" for "${name}"`)
    }
  }
  return { ...form, controls }
}

/**
 * What a browser submits (the form data set): named, enabled controls;
 * checkboxes and radios only when checked; no buttons but the submitter.
 */
export function formData(form, submitter = null) {
  const data = new URLSearchParams()
  for (const control of form.controls) {
    if (!control.name || control.disabled) continue
    if (['submit', 'button', 'reset', 'image', 'file'].includes(control.type)) {
      if (control === submitter) data.append(control.name, control.value)
      continue
    }
    if (['checkbox', 'radio'].includes(control.type) && !control.checked) continue
    data.append(control.name, control.value)
  }
  return data
}

/** Whether the form's submit button is disabled (an add-to-cart for a sold-out variant). */
export function submitDisabled(form) {
  const submit = form.controls.find((control) => control.tag === 'button' || control.type === 'submit')
  return Boolean(submit?.disabled)
}

/** Product cards of a listing: { href, inStock }, from `<article class="card">` blocks. */
export function extractProductCards(html) {
  return html.split(/<article\b[^>]*class="card"[^>]*>/i).slice(1).map((block) => {
    const body = block.slice(0, block.search(/<\/article>/i))
    const link = extractLinks(body)[0]
    return link ? { href: link.href, inStock: !/stock--out/.test(body) } : null
  }).filter(Boolean)
}
