/**
 * How bills are made: their lines from the daily roll-up and the late lines of earlier final
 * months, the calendar that says when a month's bill becomes final, the job that makes it so and
 * keeps it (lines and CSV) as issued, and the CSV form.
 */
package com.billingcenter.bill.control;
