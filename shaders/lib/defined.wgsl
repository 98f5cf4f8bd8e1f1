// Reading the field's fourth channel (shaders/field.wgsl writes it): the bits DEFINED_F,
// DEFINED_DX and DEFINED_DY of the defined channels, as a float; a derivative is never
// defined where f is not, so the bit set only grows with the value.
#import constants

fn f_defined(s: vec4<f32>) -> bool {
    return s.w > f32(DEFINED_F) - 0.5;
}

fn gradient_defined(s: vec4<f32>) -> bool {
    return s.w > f32(DEFINED_ALL) - 0.5;
}
