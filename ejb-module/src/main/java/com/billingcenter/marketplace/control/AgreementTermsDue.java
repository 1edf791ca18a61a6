package com.billingcenter.marketplace.control;

/**
 * An agreement's terms are to be read (it was linked, created by a renewal, or amended); they are
 * read once the change has committed, and by the schedule if that fails.
 */
public record AgreementTermsDue(String provider, String agreementId) {}
