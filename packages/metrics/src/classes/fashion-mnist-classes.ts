/**
 * The ten classes of Fashion-MNIST (Xiao, Rasul & Vollgraf 2017), in the order of their labels
 * 0 to 9: the labels of the `fashion-mnist` data source and the outputs of the shipped classifier.
 */
export const FASHION_MNIST_CLASSES = ['T-shirt/top', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'ankle boot'] as const;
