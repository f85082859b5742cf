// Posts the payment provider's signed form as soon as the page loads; without
// JavaScript the shopper presses its button instead.
document.querySelector('form[data-auto-submit]')?.submit()
