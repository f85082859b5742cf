import { Exception } from '@adonisjs/core/exceptions'

/**
 * Refusals of the order services (a move the lifecycle forbids, a refund
 * larger than the payment), with stable codes; the admin shows the message.
 */
export default class OrderException extends Exception {
  static status = 409

  static invalidTransition(number: string, from: string, to: string) {
    return new OrderException(`Order ${number} cannot go from "${from}" to "${to}"`, {
      code: 'E_ORDER_INVALID_TRANSITION',
    })
  }

  static invalidPaymentTransition(paymentId: number, from: string, to: string) {
    return new OrderException(`Payment ${paymentId} cannot go from "${from}" to "${to}"`, {
      code: 'E_PAYMENT_INVALID_TRANSITION',
    })
  }

  /** Unknown, or not the requester's: both look the same from outside. */
  static notFound() {
    return new OrderException('Order not found', { code: 'E_ORDER_NOT_FOUND', status: 404 })
  }

  static notPayable(number: string) {
    return new OrderException(`Order ${number} is not waiting for a payment`, {
      code: 'E_ORDER_NOT_PAYABLE',
    })
  }

  static notShippable(number: string, status: string) {
    return new OrderException(`Order ${number} cannot ship while "${status}"`, {
      code: 'E_ORDER_NOT_SHIPPABLE',
    })
  }

  static emptyParcel(number: string) {
    return new OrderException(`A parcel of order ${number} must hold at least one unit`, {
      code: 'E_ORDER_EMPTY_PARCEL',
      status: 422,
    })
  }

  static tooManyShipped(number: string) {
    return new OrderException(`A parcel of order ${number} holds more than is left to ship`, {
      code: 'E_ORDER_TOO_MANY_SHIPPED',
      status: 422,
    })
  }

  static noOpenPayment(number: string) {
    return new OrderException(`Order ${number} has no payment waiting`, {
      code: 'E_ORDER_NO_OPEN_PAYMENT',
    })
  }
}
