/** The house's rules as tests over the compiled classes and the sources of every module. */
package com.billingcenter.architecture;
