global using MathNet.Numerics.LinearAlgebra;
global using Backprop.Data;
