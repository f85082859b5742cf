// Cookie consent (LEGAL.md R-02) on pages that may come from a cache shared by
// every visitor: reads this visitor's own choice from the cookie_consent cookie
// ("analytics-1.advertising-0", see app/domain/cookie_consent.ts), shows the
// banner while a purpose is undecided, and puts into the page only the
// trackers whose purpose was granted. Without a "yes", nothing runs.
;(function () {
  const match = document.cookie.match(/(?:^|;\s*)cookie_consent=([^;]*)/)
  const choices = {}
  for (const part of match ? decodeURIComponent(match[1]).split('.') : []) {
    const parsed = /^([a-z]+)-([01])$/.exec(part)
    if (parsed) choices[parsed[1]] = parsed[2] === '1'
  }

  const banner = document.getElementById('cookie-banner')
  if (banner) {
    const purposes = (banner.dataset.consentPurposes || '').split(' ').filter(Boolean)
    banner.hidden = purposes.every((purpose) => purpose in choices)
  }

  // A template's content is inert; imported into the page, its scripts run.
  for (const template of document.querySelectorAll('template[data-consent-purpose]')) {
    if (choices[template.dataset.consentPurpose] === true) {
      template.replaceWith(document.importNode(template.content, true))
    }
  }
})()
