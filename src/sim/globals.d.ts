/**
 * The few host globals the simulator relies on. Both Web Workers and Node provide them; declaring
 * them here keeps the DOM and Node libraries out of the core's compilation.
 */
declare function structuredClone<T>(value: T): T;
